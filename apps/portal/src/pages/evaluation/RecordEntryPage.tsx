import { PageContainer, ProCard, ProForm, ProFormCheckbox, ProFormDatePicker, ProFormRadio, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import {
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationSubjectType,
  WorkflowAction,
  type BadRecordItemView,
  type BadRecordListItem,
  type BadRecordPreview,
  type EvaluationSubjectView,
  type RiskListItemView,
  type RiskListPreview,
  type WorkflowCaseDetail,
} from '@szpm/contract';
import { Alert, Descriptions, Form, message, Modal, Result, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../api';
import {
  applicableItems,
  badRecordRequest,
  correctedPayload,
  DESCRIPTION_MAX,
  DOCUMENT_NO_MAX,
  entryConfirmation,
  entryFromPayload,
  linkCandidatesQuery,
  previewRequest,
  publicityPeriod,
  RECORD_KIND_LABELS,
  riskListRequest,
  type EntryValues,
  type RecordKind,
} from '../../logic/evaluation';
import { AttachmentUpload, SubjectSelect, useCanOperate } from './components';

type Item = BadRecordItemView | RiskListItemView;
type FormValues = Omit<EntryValues, 'factDate'> & { factDate?: string | Dayjs };

/** The fields the api names in its 400 answers (the same names as the form's). */
const ENTRY_FIELDS = ['subjectId', 'itemId', 'circumstanceId', 'factDate', 'documentNo', 'description'] as const;

const dateText = (value: string | Dayjs | undefined): string | undefined => (value === undefined || value === null ? undefined : dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value);

/**
 * 不良信息认定 / 风险名单认定, 第一环节 录入初审: subject, item and circumstance, the facts and
 * attachments; 分值 and 公示期时长 as the server computes them. With ?caseId= it corrects a form
 * returned to the handler (退回上一级) and submits it again.
 */
export function RecordEntryPage({ kind }: { kind: RecordKind }) {
  const canOperate = useCanOperate();
  const caseId = Number(useSearchParams()[0].get('caseId')) || null;
  const [items, setItems] = useState<Item[] | null>(null);
  const [returned, setReturned] = useState<WorkflowCaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    Promise.all([kind === 'bad-record' ? api.evaluation.badRecordItems() : api.evaluation.riskListItems(), caseId ? api.workflow.detail(caseId) : Promise.resolve(null)]).then(
      ([catalogue, detail]) => {
        setItems(catalogue);
        setReturned(detail);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [kind, caseId]);

  const title = `${RECORD_KIND_LABELS[kind]}认定`;
  if (!canOperate) return <PageContainer title={title}><Result status="403" title="无权限" subTitle={`${title}需要物业服务评价的操作权限（区经办人）。`} /></PageContainer>;
  if (error) return <PageContainer title={title}><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!items || (caseId && !returned)) return <PageContainer title={title}><Spin /></PageContainer>;
  return (
    <PageContainer title={title} subTitle={returned ? `修改后重新提交 · ${returned.businessNo}` : '第一环节：录入初审'}>
      <EntryForm kind={kind} items={items} returned={returned} />
    </PageContainer>
  );
}

function EntryForm({ kind, items, returned }: { kind: RecordKind; items: Item[]; returned: WorkflowCaseDetail | null }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const initial = useMemo<FormValues>(() => (returned ? entryFromPayload(returned.payload) : { subjectType: EvaluationSubjectType.COMPANY, factDate: dayjs().format('YYYY-MM-DD') }), [returned]);
  const [subject, setSubject] = useState<EvaluationSubjectView | undefined>(undefined);
  const [preview, setPreview] = useState<BadRecordPreview | RiskListPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<BadRecordListItem[]>([]);

  const subjectType = (Form.useWatch('subjectType', form) ?? initial.subjectType) as EvaluationSubjectType;
  const subjectId = Form.useWatch('subjectId', form) as number | undefined;
  const itemId = Form.useWatch('itemId', form) as number | undefined;
  const circumstanceId = Form.useWatch('circumstanceId', form) as number | undefined;
  const factDate = dateText(Form.useWatch('factDate', form));

  const usable = useMemo(() => applicableItems(items, subjectType), [items, subjectType]);
  const item = usable.find((i) => i.id === itemId);
  const badItem = kind === 'bad-record' ? (item as BadRecordItemView | undefined) : undefined;

  // 分值 / 公示期时长 as the server computes them for the chosen circumstance
  const query = previewRequest({ subjectType, itemId, circumstanceId });
  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!query) return;
    let current = true;
    (kind === 'bad-record' ? api.evaluation.previewBadRecord(query) : api.evaluation.previewRiskList(query)).then(
      (p) => current && setPreview(p),
      (e) => current && setPreviewError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [kind, query?.itemId, query?.circumstanceId, query?.subjectType]);

  // 关联同年度的不良信息: same subject, same count-once item, same year
  const linkQuery = kind === 'bad-record' ? linkCandidatesQuery({ subjectType, subjectId, factDate }, badItem) : null;
  useEffect(() => {
    setCandidates([]);
    if (!linkQuery) return;
    let current = true;
    api.evaluation.linkCandidates(linkQuery).then(
      (rows) => current && setCandidates(rows),
      () => current && setCandidates([]),
    );
    return () => {
      current = false;
    };
  }, [linkQuery?.subjectId, linkQuery?.itemId, linkQuery?.subjectType, linkQuery?.factDate.slice(0, 4)]);

  const submit = async (raw: FormValues) => {
    const values: EntryValues = { ...raw, factDate: dateText(raw.factDate) };
    const name = subject?.name ?? returned?.subjectName ?? '';
    const words = entryConfirmation(kind, name, preview);
    const confirmed = await new Promise<boolean>((resolve) =>
      Modal.confirm({ title: words.title, content: words.content, okText: words.okText, cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }),
    );
    if (!confirmed) return false;
    try {
      const started = returned
        ? await api.workflow.act(returned.id, {
            action: WorkflowAction.SUBMIT,
            version: returned.version,
            payload: correctedPayload(values, kind),
            ...(values.attachmentIds?.length ? { attachmentIds: values.attachmentIds } : {}),
          })
        : kind === 'bad-record'
          ? await api.evaluation.determineBadRecord(badRecordRequest(values))
          : await api.evaluation.determineRiskList(riskListRequest(values));
      message.success(returned ? '已重新提交，转认定审核' : `已提交，${started.businessNo} 已转区负责人认定审核`);
      navigate(`/evaluation/cases/${started.id}`);
      return true;
    } catch (e) {
      // the api's field errors next to their fields
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      form.setFields(ENTRY_FIELDS.filter((f) => fields[f]).map((f) => ({ name: f, errors: [fields[f]] })));
      message.error(errorMessage(e));
      return false;
    }
  };

  const points = preview && 'points' in preview ? preview : null;
  return (
    <ProForm<FormValues>
      form={form}
      initialValues={initial}
      layout="horizontal"
      labelCol={{ span: 4 }}
      wrapperCol={{ span: 14 }}
      onFinish={submit}
      submitter={{ searchConfig: { submitText: returned ? '重新提交' : '提交' }, resetButtonProps: returned ? false : undefined, render: (_, dom) => <div style={{ marginLeft: '16.6%' }}>{dom}</div> }}
    >
      <ProCard title={kind === 'bad-record' ? '不良信息与计分信息' : '被纳入风险名单的不良信息'} headerBordered>
        <ProFormRadio.Group
          name="subjectType"
          label="评价对象类型"
          radioType="button"
          options={[EvaluationSubjectType.COMPANY, EvaluationSubjectType.PROJECT_MANAGER].map((value) => ({ value, label: EVALUATION_SUBJECT_TYPE_LABELS[value] }))}
          fieldProps={{ onChange: () => form.setFieldsValue({ subjectId: undefined, itemId: undefined, circumstanceId: undefined, linkedRecordIds: [] }) }}
        />
        <ProForm.Item name="subjectId" label="评价对象" rules={[{ required: true, message: '请选择评价对象' }]}>
          <SubjectSelect subjectType={subjectType} onPicked={setSubject} initialName={returned?.subjectName ?? undefined} />
        </ProForm.Item>
        <ProFormSelect
          name="itemId"
          label={kind === 'bad-record' ? '不良信息事项' : '风险名单事项'}
          placeholder="请选择事项"
          rules={[{ required: true, message: '请选择事项' }]}
          options={usable.map((i) => ({ value: i.id, label: 'countOncePerYear' in i && i.countOncePerYear ? `${i.name}（同一事项只计一次）` : i.name }))}
          fieldProps={{ showSearch: true, optionFilterProp: 'label', notFoundContent: '没有适用于该评价对象的事项', onChange: () => form.setFieldsValue({ circumstanceId: undefined, linkedRecordIds: [] }) }}
        />
        <ProFormSelect
          name="circumstanceId"
          label="情形"
          placeholder={item ? '请选择情形' : '请先选择事项'}
          disabled={!item}
          rules={[{ required: true, message: '请选择情形' }]}
          options={(item?.circumstances ?? [])
            .filter((c) => c.enabled)
            .map((c) => {
              const bad = 'points' in c ? (c as BadRecordItemView['circumstances'][number]) : null;
              return { value: c.id, label: bad ? `${c.description}（第${bad.level}级 · ${bad.points}分 · 公示${c.publicityMonths}个月）` : `${c.description}（公示${c.publicityMonths}个月）` };
            })}
        />
        <ProForm.Item label="自动计算">
          <div data-testid="entry-preview">
            {!query && <Typography.Text type="secondary">选择事项和情形后，系统自动计算{kind === 'bad-record' ? '分值和' : ''}公示期时长，无需填写。</Typography.Text>}
            {previewError && <Alert type="error" showIcon message={previewError} />}
            {query && !preview && !previewError && <Spin size="small" />}
            {preview && (
              <Descriptions size="small" bordered column={2}>
                {points && <Descriptions.Item label="等级">第{points.level}级</Descriptions.Item>}
                {points && <Descriptions.Item label="分值">{points.points}分</Descriptions.Item>}
                <Descriptions.Item label="公示期时长">{preview.publicityMonths}个月</Descriptions.Item>
                <Descriptions.Item label="公示期（若今日审核通过）">{publicityPeriod(preview.publicityStartIfApprovedToday, preview.publicityEndIfApprovedToday)}</Descriptions.Item>
                {points?.countOncePerYear && <Descriptions.Item label="计分规则" span={2}>有多个处罚事项，同一事项只计一次，取最高等级计分</Descriptions.Item>}
              </Descriptions>
            )}
          </div>
        </ProForm.Item>
        <ProFormDatePicker
          name="factDate"
          label="事实发生日期"
          rules={[{ required: true, message: '请选择事实发生日期' }]}
          fieldProps={{ disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day'), format: 'YYYY-MM-DD' }}
        />
        <ProFormText name="documentNo" label="文书编号" placeholder="如 深福住建罚〔2026〕12号" rules={[{ required: true, whitespace: true, message: '请填写文书编号' }]} fieldProps={{ maxLength: DOCUMENT_NO_MAX }} />
        <ProFormTextArea
          name="description"
          label="情况说明"
          placeholder="请填写违法违规事实、处理情况等"
          rules={[{ required: true, whitespace: true, message: '请填写情况说明' }]}
          fieldProps={{ maxLength: DESCRIPTION_MAX, showCount: true, rows: 4 }}
        />
        <ProForm.Item name="attachmentIds" label="附件">
          <AttachmentUpload />
        </ProForm.Item>
      </ProCard>
      {kind === 'bad-record' && badItem?.countOncePerYear && (
        <ProCard title="关联同年度的不良信息" headerBordered style={{ marginTop: 16 }}>
          {candidates.length === 0 ? (
            <Typography.Paragraph type="secondary">{subjectId ? '该评价对象本年度没有同一事项的不良信息。' : '选择评价对象后，这里列出同一评价对象在同年度的同一事项不良信息。'}</Typography.Paragraph>
          ) : (
            <ProFormCheckbox.Group
              name="linkedRecordIds"
              label="关联"
              layout="vertical"
              options={candidates.map((c) => ({ value: c.id, label: `${c.factDate} · ${c.circumstanceDescription} · ${c.documentNo} · ${c.points}分（${c.statusLabel}）` }))}
            />
          )}
        </ProCard>
      )}
    </ProForm>
  );
}
