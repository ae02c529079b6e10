import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PropertyAreaDetail } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import {
  emptyManagerChange,
  MANAGER_CHANGE_API_FIELDS,
  ManagerChangeField,
  ManagerChangeForm,
  managerChangeConfirmation,
  managerChangeProblems,
  managerChangeRequest,
  PERSON_NAME_MAX,
  REASON_MAX,
} from '../../../logic/project-forms';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { ROUTES } from '../../../routes';
import { toast } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';

/** 项目经理变更 (`?areaId=`, counterpart accounts): name the project's new manager; the district reviews it. */
export default function ManagerChange() {
  const areaId = intParam(useRouter().params, 'areaId');
  const loaded = useLoader(() => (areaId === null ? Promise.reject(new Error('物业区域编号不正确')) : api.propertyAreas.detail(areaId)), [areaId]);
  return (
    <View className="page" id="manager-change">
      <LoadState loaded={loaded} id="manager-change-area">
        {(area) => <ManagerChangeFormView area={area} />}
      </LoadState>
    </View>
  );
}

function ManagerChangeFormView({ area }: { area: PropertyAreaDetail }) {
  const [form, setForm] = useState<ManagerChangeForm>(emptyManagerChange);
  const [problems, setProblems] = useState<Partial<Record<ManagerChangeField, string>>>({});
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmDialog('manager-change-confirm');
  const change = (patch: Partial<ManagerChangeForm>, field: ManagerChangeField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async () => {
    const found = managerChangeProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    if (!(await confirmation.ask(managerChangeConfirmation(area.name, form)))) return;
    setBusy(true);
    try {
      const filed = await api.propertyAreas.changeManager(area.id, managerChangeRequest(form));
      toast(`已提交，业务单号 ${filed.businessNo}，等待区住房建设部门审核`);
      setTimeout(() => void Taro.redirectTo({ url: `${ROUTES.myProjects}?tab=applications` }), 1200);
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, MANAGER_CHANGE_API_FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  const text = (id: string, field: ManagerChangeField, label: string, placeholder: string, options: { maxLength?: number; type?: 'text' | 'tel' | 'idcard' } = {}) => (
    <View className="form-row">
      <FieldLabel required>{label}</FieldLabel>
      <Input id={id} type={options.type ?? 'text'} placeholder={placeholder} value={form[field]} maxLength={options.maxLength} onChange={(value) => change({ [field]: value } as Partial<ManagerChangeForm>, field)} />
      <FieldError message={problems[field]} />
    </View>
  );

  return (
    <>
      <Section title="物业项目" id="manager-change-current">
        <InfoRows
          rows={[
            { label: '项目名称', value: area.name },
            { label: '物业服务企业', value: area.companyName ?? '—' },
            { label: '现任项目经理', value: area.projectManagerName ?? '暂无' },
          ]}
        />
      </Section>
      <Section title="新项目经理">
        {text('manager-change-name', 'name', '姓名', '新项目经理的姓名', { maxLength: PERSON_NAME_MAX })}
        {text('manager-change-phone', 'phone', '手机号码', '11位手机号码', { type: 'tel', maxLength: 11 })}
        {text('manager-change-id-number', 'idNumber', '身份证号码', '18位居民身份证号码', { type: 'idcard', maxLength: 18 })}
        {text('manager-change-certificate', 'certificateNo', '从业证书编号', '物业管理从业人员证书编号', { maxLength: 64 })}
        <View className="form-row">
          <FieldLabel>变更原因（选填）</FieldLabel>
          <TextArea id="manager-change-reason" placeholder="如 原项目经理调岗" value={form.reason} maxLength={REASON_MAX} showCount onChange={(reason) => change({ reason }, 'reason')} />
          <FieldError message={problems.reason} />
        </View>
        <Text className="muted">提交后由区住房建设部门审核，审核通过后新项目经理生效；审核进度在「我的项目 · 我的申请」中查看。</Text>
      </Section>
      <Button id="manager-change-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        提交变更申请
      </Button>
      {confirmation.dialog}
    </>
  );
}
