import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormSwitch, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import {
  EvaluationSubjectType,
  ObjectionTarget,
  WorkflowAction,
  type BadRecordItemView,
  type BasicInformationDraft,
  type RecordDraft,
  type RiskListItemView,
  type WorkflowCaseDetail,
} from '@szpm/contract';
import { Button, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { applicableItems, DESCRIPTION_MAX, DOCUMENT_NO_MAX } from '../../logic/evaluation';

type Item = BadRecordItemView | RiskListItemView;

interface RecordDraftValues {
  itemId: number;
  circumstanceId: number;
  factDate: Dayjs | string;
  documentNo: string;
  description: string;
  revoke: boolean;
}

/** The basic-information fields an officer may correct, per subject type (as the api's objection form allows). */
const BASIC_FIELDS: Record<EvaluationSubjectType, Array<{ name: keyof BasicInformationDraft; label: string; max: number }>> = {
  [EvaluationSubjectType.COMPANY]: [
    { name: 'legalRepresentative', label: '法定代表人', max: 32 },
    { name: 'contactPhone', label: '联系电话', max: 20 },
    { name: 'address', label: '地址', max: 255 },
  ],
  [EvaluationSubjectType.PROJECT_MANAGER]: [
    { name: 'phone', label: '手机号码', max: 20 },
    { name: 'certificateNo', label: '证书编号', max: 32 },
  ],
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * 异议处理 · 初查 (manual ch.7 (11)): the handler corrects the 修改稿 of the objected record (or of the
 * subject's basic information). The change stays in the form (an EDIT entry in 审批流程记录) and
 * replaces the record only if the objection is finally approved.
 */
export function ObjectionDraftEditor({ detail, onSaved }: { detail: WorkflowCaseDetail; onSaved: (next: WorkflowCaseDetail) => void }) {
  const payload = detail.payload;
  const subjectType = payload.subjectType as EvaluationSubjectType;
  const target = payload.target as ObjectionTarget;
  const recordDraft = isObject(payload.draft) ? (payload.draft as unknown as RecordDraft) : null;
  const basicDraft = isObject(payload.basicDraft) ? (payload.basicDraft as BasicInformationDraft) : null;
  const [items, setItems] = useState<Item[]>([]);
  const [itemId, setItemId] = useState<number | undefined>(recordDraft?.itemId);

  useEffect(() => {
    if (!recordDraft) return;
    const load = target === ObjectionTarget.RISK_LIST_ENTRY ? api.evaluation.riskListItems() : api.evaluation.badRecordItems();
    load.then((all: Item[]) => setItems(applicableItems(all, subjectType)), (e) => message.error(errorMessage(e)));
    // the catalogue is read once per form, not again after each saved edit
  }, [detail.id]);

  if (!detail.allowedActions.includes(WorkflowAction.EDIT) || (!recordDraft && !basicDraft)) return null;

  const save = async (draft: Record<string, unknown>): Promise<boolean> => {
    try {
      const next = await api.workflow.act(detail.id, { action: WorkflowAction.EDIT, version: detail.version, payload: { ...payload, ...draft } });
      message.success('修改稿已保存：异议通过时替换原信息');
      onSaved(next);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  if (basicDraft) {
    return (
      <ModalForm<BasicInformationDraft>
        title="修改基础信息修改稿"
        width={560}
        trigger={<Button type="primary">修改</Button>}
        initialValues={basicDraft}
        modalProps={{ destroyOnClose: true }}
        onFinish={(values) => save({ basicDraft: { ...basicDraft, ...values } })}
      >
        {BASIC_FIELDS[subjectType].map((field) => (
          <ProFormText key={field.name} name={field.name} label={field.label} fieldProps={{ maxLength: field.max }} />
        ))}
      </ModalForm>
    );
  }

  const circumstances = items.find((i) => i.id === itemId)?.circumstances.filter((c) => c.enabled) ?? [];
  return (
    <ModalForm<RecordDraftValues>
      title="修改异议信息修改稿"
      width={640}
      trigger={<Button type="primary">修改</Button>}
      initialValues={{ ...recordDraft, factDate: recordDraft!.factDate }}
      modalProps={{ destroyOnClose: true }}
      onValuesChange={(changed: Partial<RecordDraftValues>) => {
        if (changed.itemId !== undefined) setItemId(changed.itemId);
      }}
      onFinish={(values) =>
        save({
          draft: {
            itemId: values.itemId,
            circumstanceId: values.circumstanceId,
            factDate: typeof values.factDate === 'string' ? values.factDate : values.factDate.format('YYYY-MM-DD'),
            documentNo: values.documentNo.trim(),
            description: values.description.trim(),
            revoke: values.revoke,
          },
        })
      }
    >
      <ProFormSelect name="itemId" label="事项" rules={[{ required: true, message: '请选择事项' }]} options={items.map((i) => ({ value: i.id, label: i.name }))} showSearch />
      <ProFormSelect
        name="circumstanceId"
        label="情形"
        rules={[{ required: true, message: '请选择情形' }]}
        options={circumstances.map((c) => ({ value: c.id, label: c.description }))}
        dependencies={['itemId']}
      />
      <ProFormDatePicker
        name="factDate"
        label="事实发生日期"
        rules={[{ required: true, message: '请选择事实发生日期' }]}
        fieldProps={{ disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day'), format: 'YYYY-MM-DD' }}
      />
      <ProFormText name="documentNo" label="文书编号" rules={[{ required: true, whitespace: true, message: '请填写文书编号' }]} fieldProps={{ maxLength: DOCUMENT_NO_MAX }} />
      <ProFormTextArea name="description" label="情况说明" rules={[{ required: true, whitespace: true, message: '请填写情况说明' }]} fieldProps={{ maxLength: DESCRIPTION_MAX, showCount: true, rows: 4 }} />
      <ProFormSwitch name="revoke" label="认定撤销" tooltip="异议成立、原信息不应存在：异议通过时撤销原信息" />
    </ModalForm>
  );
}
