import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DelegateCandidate, DelegatedModule } from '@szpm/contract';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { SelectField } from '../../../components/SelectField';
import { useLoader } from '../../../hooks/useLoader';
import { DelegationField, delegationProblems, delegationRequest, DelegationForm, emptyDelegationForm, MATTERS_MAX } from '../../../logic/delegation-form';
import { shanghaiToday } from '../../../logic/format';
import { toast, toastSuccess } from '../../../utils/feedback';
import { Button } from '../../../ui/button';
import { TextArea } from '../../../ui/textarea';

/** 发起委托: lend my module grants to a colleague of the same district bureau until a date. */
export default function CreateDelegation() {
  const loaded = useLoader(() => Promise.all([api.delegations.candidates(), api.delegations.modules()]), []);
  return (
    <View className="page" id="delegation-create">
      <LoadState loaded={loaded} id="delegation-options">
        {([candidates, modules]) => <DelegationFormView candidates={candidates} modules={modules} />}
      </LoadState>
    </View>
  );
}

function DelegationFormView({ candidates, modules }: { candidates: DelegateCandidate[]; modules: DelegatedModule[] }) {
  const today = shanghaiToday();
  const [form, setForm] = useState<DelegationForm>(emptyDelegationForm);
  const [problems, setProblems] = useState<Partial<Record<DelegationField, string>>>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<DelegationForm>, field: DelegationField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async () => {
    const found = delegationProblems(form, today);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    setBusy(true);
    try {
      await api.delegations.create(delegationRequest(form));
      toastSuccess('委托已发起');
      setTimeout(() => void Taro.navigateBack(), 800);
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const toggleModule = (module: DelegatedModule['module']) =>
    change({ modules: form.modules.includes(module) ? form.modules.filter((m) => m !== module) : [...form.modules, module] }, 'modules');

  return (
    <Section title="委托信息">
      <SelectField
        id="delegation-delegate"
        label="受托人"
        placeholder="请选择本区同事"
        value={form.delegateId}
        options={candidates.map((c) => ({ value: c.id, label: c.name, description: [c.roleLabel, c.position].filter(Boolean).join(' · ') }))}
        onChange={(delegateId) => change({ delegateId }, 'delegateId')}
        error={problems.delegateId}
        required
        emptyText="本区暂无可委托的同事"
      />
      <FieldLabel required>委托范围</FieldLabel>
      <SegmentTabs
        id="delegation-scope"
        tabs={[
          { value: 'all', label: '全部模块权限' },
          { value: 'some', label: '部分模块' },
        ]}
        value={form.allModules ? 'all' : 'some'}
        onChange={(v) => change({ allModules: v === 'all' }, 'modules')}
      />
      {!form.allModules && (
        <View className="form-row">
          {modules.map((m) => (
            <View key={m.module} id={`delegation-module-${m.module}`} className={`choice-row${form.modules.includes(m.module) ? ' choice-row--active' : ''}`} onClick={() => toggleModule(m.module)}>
              <Text>{form.modules.includes(m.module) ? '☑' : '☐'}</Text>
              <Text className="choice-row__text">{m.label}</Text>
            </View>
          ))}
          <FieldError message={problems.modules} />
        </View>
      )}
      <DateField id="delegation-start" label="开始日期" placeholder="不选则立即生效" value={form.startDate} start={today} onChange={(startDate) => change({ startDate }, 'startDate')} error={problems.startDate} />
      <DateField id="delegation-end" label="结束日期" value={form.endDate} start={form.startDate || today} onChange={(endDate) => change({ endDate }, 'endDate')} error={problems.endDate} required />
      <View className="form-row">
        <FieldLabel required>委托代办的事宜</FieldLabel>
        <TextArea id="delegation-matters" placeholder="如：休假期间代为办理物业服务评价的审核事项" value={form.matters} maxLength={MATTERS_MAX} showCount onChange={(matters) => change({ matters }, 'matters')} />
        <FieldError message={problems.matters} />
      </View>
      <Text className="muted">委托期限到期后委托自动停止；期限中可在委托列表中终止。</Text>
      <Button id="delegation-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        确定
      </Button>
    </Section>
  );
}
