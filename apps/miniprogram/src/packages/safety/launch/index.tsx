import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SafetyTemplateListItem } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { DateField } from '../../../components/DateField';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { drafts, draftKey, DRAFT_RESTORED_MESSAGE } from '../../../drafts';
import { useDraft } from '../../../hooks/useDraft';
import { useLoader } from '../../../hooks/useLoader';
import { shanghaiToday } from '../../../logic/format';
import { LaunchField, LaunchForm, launchProblems, launchRequest } from '../../../logic/safety';
import { districtAreaCount, launchConfirmation, launchedMessage, NO_AREAS_MESSAGE } from '../../../logic/safety-launch';
import { actionFailureMessage } from '../../../logic/session-ended';
import { ROUTES, routeTo } from '../../../routes';
import { ensureMe } from '../../../session-loader';
import { toast } from '../../../utils/feedback';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';

/** 发起安全检查: a template of the rule library to every property area of the district, with a deadline. */
export default function LaunchInspection() {
  // the district's property areas are the inspection's targets; drafts are kept per account
  const loaded = useLoader(() => Promise.all([api.safety.templates(), api.regions.tree(), ensureMe()]), []);
  return (
    <View className="page" id="safety-launch-page">
      <LoadState loaded={loaded} id="safety-templates">
        {([templates, regions, me]) => <LaunchFormView templates={templates} areaCount={districtAreaCount(regions)} accountId={me.id} />}
      </LoadState>
    </View>
  );
}

function LaunchFormView({ templates, areaCount, accountId }: { templates: SafetyTemplateListItem[]; areaCount: number; accountId: number }) {
  const today = shanghaiToday();
  const draft = useDraft<LaunchForm>(drafts, draftKey('safety-launch', accountId), { templateId: null, title: '', deadline: '', instructions: '' });
  const { value: form, setValue: setForm } = draft;
  useEffect(() => {
    if (draft.restored) toast(DRAFT_RESTORED_MESSAGE);
  }, [draft.restored]);
  const confirmation = useConfirmDialog('safety-confirm');
  const [problems, setProblems] = useState<Partial<Record<LaunchField, string>>>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<LaunchForm>, field: LaunchField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };
  const template = templates.find((t) => t.id === form.templateId);

  const submit = async () => {
    const found = launchProblems(form, today);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    const words = launchConfirmation(areaCount, form.deadline);
    if (!words) return toast(NO_AREAS_MESSAGE);
    if (!(await confirmation.ask(words))) return;
    setBusy(true);
    try {
      const inspection = await api.safety.launch(launchRequest(form));
      draft.discard();
      toast(launchedMessage(inspection.targets));
      setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.safetyStats, { id: inspection.id }) }), 800);
    } catch (error) {
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="检查信息">
      <SelectField
        id="safety-template"
        label="检查模板"
        placeholder="请选择检查库中的模板"
        value={form.templateId}
        options={templates.map((t) => ({ value: t.id, label: t.name, description: `${t.kindLabel} · ${t.indicatorCount}项指标 ${t.subItemCount}个子项${t.districtId === null ? ' · 全市通用' : ''}` }))}
        onChange={(templateId) => change({ templateId }, 'templateId')}
        error={problems.templateId}
        required
        emptyText="检查库中暂无模板"
      />
      <View className="form-row">
        <Text className="form-row__label">标题（不填则为模板名称）</Text>
        <Input id="safety-title" placeholder={template?.name ?? '检查标题'} value={form.title} maxLength={100} onChange={(title) => change({ title }, 'title')} />
        <FieldError message={problems.title} />
      </View>
      <DateField id="safety-deadline" label="截止日期" value={form.deadline} start={today} onChange={(deadline) => change({ deadline }, 'deadline')} error={problems.deadline} required />
      <View className="form-row">
        <Text className="form-row__label">检查说明</Text>
        <TextArea id="safety-instructions" placeholder="如：请对照检查项逐项自查，不合格项须拍照并说明整改措施。" value={form.instructions} maxLength={2000} onChange={(instructions) => change({ instructions }, 'instructions')} />
        <FieldError message={problems.instructions} />
      </View>
      <Text className="muted" id="safety-targets">
        发起后，本区全部 {areaCount} 个物业项目的项目负责人将收到检查通知。
      </Text>
      <Button id="safety-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        发起安全检查
      </Button>
      {confirmation.dialog}
    </Section>
  );
}
