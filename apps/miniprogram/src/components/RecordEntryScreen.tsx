import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  BadRecordItemView,
  BadRecordListItem,
  BadRecordPreview,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationSubjectType,
  RiskListItemView,
  RiskListPreview,
  WorkflowAction,
  WorkflowCaseDetail,
} from '@szpm/contract';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api';
import { drafts, draftKey, DRAFT_RESTORED_MESSAGE } from '../drafts';
import { useDraft } from '../hooks/useDraft';
import { useLoader } from '../hooks/useLoader';
import { itemOptionDescription, publicityPeriod, shanghaiToday } from '../logic/format';
import {
  applicableItems,
  badRecordRequest,
  DESCRIPTION_MAX,
  DOCUMENT_NO_MAX,
  emptyRecordEntry,
  entryConfirmation,
  entryDoneMessage,
  entryFromCase,
  resubmissionPayload,
  ReturnedEntry,
  linkCandidatesQuery,
  previewRequest,
  RecordEntryField,
  recordEntryProblems,
  RecordEntryForm,
  riskListRequest,
  toggleLinked,
  usableCircumstances,
  withFactDate,
  withItem,
  withSubject,
  withSubjectType,
} from '../logic/record-entry';
import { actionFailureMessage, fieldProblems } from '../logic/session-ended';
import { returnOf } from '../logic/workflow-decision';
import { ROUTES, routeTo } from '../routes';
import { ensureMe } from '../session-loader';
import { toast } from '../utils/feedback';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { TextArea } from '../ui/textarea';
import { AttachmentPicker } from './AttachmentPicker';
import { ReturnBanner } from './CaseHistory';
import { useConfirmDialog } from './ConfirmDialog';
import { DateField } from './DateField';
import { FieldLabel } from './FieldLabel';
import { FieldError, InfoRows, Section } from './InfoRows';
import { LoadState } from './LoadState';
import { SegmentTabs } from './SegmentTabs';
import { SelectField } from './SelectField';
import { SubjectPicker } from './SubjectPicker';

type Kind = 'bad-record' | 'risk-list';
type Item = BadRecordItemView | RiskListItemView;

/**
 * 不良信息认定 / 风险名单认定, 第一环节 录入初审: subject, item and circumstance from the catalogue,
 * the facts; 分值 and 公示期 as the server previews them; on submit the form goes to 认定审核.
 */
export function RecordEntryScreen({ kind }: { kind: Kind }) {
  // with ?caseId= the screen corrects a form returned to the handler (退回上一级) and submits it again
  const caseId = Number(useRouter().params.caseId) || null;
  const loaded = useLoader<{ items: Item[]; returned: WorkflowCaseDetail | null; accountId: number }>(
    async () => ({
      items: kind === 'bad-record' ? await api.evaluation.badRecordItems() : await api.evaluation.riskListItems(),
      returned: caseId ? await api.workflow.detail(caseId) : null,
      // drafts are kept per account
      accountId: (await ensureMe()).id,
    }),
    [kind, caseId],
  );
  return (
    <View className="page" id={`${kind}-entry`}>
      <LoadState loaded={loaded} id={`${kind}-catalogue`}>
        {({ items, returned, accountId }) => <EntryForm kind={kind} items={items} returned={returned} accountId={accountId} />}
      </LoadState>
    </View>
  );
}

/** Uploads are not kept in a draft (the picker starts empty again). */
const keptEntry = (form: RecordEntryForm): RecordEntryForm => ({ ...form, attachmentIds: [] });

/** The api's field names (its `details`) → the form's fields. */
const ENTRY_API_FIELDS: Readonly<Record<string, RecordEntryField>> = {
  subjectId: 'subject',
  subjectType: 'subject',
  itemId: 'itemId',
  circumstanceId: 'circumstanceId',
  factDate: 'factDate',
  documentNo: 'documentNo',
  description: 'description',
};

function EntryForm({ kind, items, returned, accountId }: { kind: Kind; items: Item[]; returned: WorkflowCaseDetail | null; accountId: number }) {
  const today = shanghaiToday();
  const draft = useDraft<RecordEntryForm>(
    drafts,
    draftKey(returned ? `${kind}-entry.case-${returned.id}` : `${kind}-entry`, accountId),
    returned ? entryFromCase(returned.payload as unknown as ReturnedEntry) : { ...emptyRecordEntry(), factDate: today },
    keptEntry,
  );
  const { value: form, setValue: setForm } = draft;
  useEffect(() => {
    if (draft.restored) toast(DRAFT_RESTORED_MESSAGE);
  }, [draft.restored]);
  const confirmation = useConfirmDialog('entry-confirm');
  const returnedBy = returned ? returnOf(returned) : null;
  const [problems, setProblems] = useState<Partial<Record<RecordEntryField, string>>>({});
  const [preview, setPreview] = useState<BadRecordPreview | RiskListPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<BadRecordListItem[]>([]);
  const [busy, setBusy] = useState(false);

  const usable = useMemo(() => applicableItems(items, form.subjectType), [items, form.subjectType]);
  const item = usable.find((i) => i.id === form.itemId);
  const circumstances = usableCircumstances<Item['circumstances'][number]>(item);
  const badItem = kind === 'bad-record' ? (item as BadRecordItemView | undefined) : undefined;

  const change = (next: RecordEntryForm, field?: RecordEntryField) => {
    setForm(next);
    if (field) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  // 分值 / 公示期时长 as the server computes them
  const previewQuery = previewRequest(form);
  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!previewQuery) return;
    let current = true;
    (kind === 'bad-record' ? api.evaluation.previewBadRecord(previewQuery) : api.evaluation.previewRiskList(previewQuery))
      .then((p) => current && setPreview(p))
      .catch((e) => current && setPreviewError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [kind, previewQuery?.itemId, previewQuery?.circumstanceId, previewQuery?.subjectType]);

  // 关联同年度的不良信息 (same subject, same count-once item, same year)
  const linkQuery = kind === 'bad-record' ? linkCandidatesQuery(form, badItem) : null;
  useEffect(() => {
    setCandidates([]);
    if (!linkQuery) return;
    let current = true;
    api.evaluation
      .linkCandidates(linkQuery)
      .then((rows) => current && setCandidates(rows))
      .catch(() => current && setCandidates([]));
    return () => {
      current = false;
    };
  }, [linkQuery?.subjectId, linkQuery?.itemId, linkQuery?.factDate.slice(0, 4)]);

  const submit = async () => {
    const found = recordEntryProblems(form, today);
    setProblems(found);
    if (Object.keys(found).length) {
      toast(Object.values(found)[0]!);
      return;
    }
    const consequence = preview ? { publicityMonths: preview.publicityMonths, ...('points' in preview ? { points: preview.points } : {}) } : null;
    if (!(await confirmation.ask(entryConfirmation(kind, form.subject?.name ?? '', consequence, returned !== null)))) return;
    setBusy(true);
    try {
      const started = returned
        ? await api.workflow.act(returned.id, {
            action: WorkflowAction.SUBMIT,
            version: returned.version,
            payload: resubmissionPayload(form) as unknown as Record<string, unknown>,
            ...(form.attachmentIds.length ? { attachmentIds: form.attachmentIds } : {}),
          })
        : kind === 'bad-record'
          ? await api.evaluation.determineBadRecord(badRecordRequest(form))
          : await api.evaluation.determineRiskList(riskListRequest(form));
      draft.discard();
      toast(entryDoneMessage(returned !== null));
      setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.case, { id: started.id }) }), 800);
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, ENTRY_API_FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  const subjectTabs = [EvaluationSubjectType.COMPANY, EvaluationSubjectType.PROJECT_MANAGER].map((value) => ({ value, label: EVALUATION_SUBJECT_TYPE_LABELS[value] }));
  const points = preview && 'points' in preview ? preview : null;

  return (
    <>
      {returnedBy && <ReturnBanner entry={returnedBy} id="entry-return" />}
      <Section title={kind === 'bad-record' ? '不良信息认定 · 录入初审' : '风险名单认定 · 录入初审'}>
        <Text className="form-row__label">评价对象类型</Text>
        <SegmentTabs id="entry-subject-type" tabs={subjectTabs} value={form.subjectType} onChange={(t) => change(withSubjectType(form, t), 'subject')} />
        <SubjectPicker id="entry-subject" subjectType={form.subjectType} value={form.subject} onChange={(s) => change(withSubject(form, s), 'subject')} error={problems.subject} />
        <SelectField
          id="entry-item"
          label={kind === 'bad-record' ? '不良信息事项' : '风险名单事项'}
          placeholder="请选择事项"
          value={form.itemId}
          options={usable.map((i) => ({ value: i.id, label: i.name, description: itemOptionDescription(i) }))}
          onChange={(itemId) => change(withItem(form, itemId), 'itemId')}
          error={problems.itemId}
          required
          emptyText="没有适用于该评价对象的事项"
        />
        <SelectField
          id="entry-circumstance"
          label="情形"
          placeholder={item ? '请选择情形' : '请先选择事项'}
          disabled={!item}
          value={form.circumstanceId}
          options={circumstances.map((c) => ({
            value: c.id,
            label: c.description,
            description: 'points' in c ? `第${c.level}级 · ${c.points}分 · 公示${c.publicityMonths}个月` : `公示${c.publicityMonths}个月`,
          }))}
          onChange={(circumstanceId) => change({ ...form, circumstanceId }, 'circumstanceId')}
          error={problems.circumstanceId}
          required
        />
        <DateField id="entry-fact-date" label="事实发生日期" value={form.factDate} end={today} onChange={(d) => change(withFactDate(form, d), 'factDate')} error={problems.factDate} required />
        <View className="form-row">
          <FieldLabel required>文书编号</FieldLabel>
          <Input id="entry-document-no" placeholder="如 深福住建罚〔2026〕12号" value={form.documentNo} maxLength={DOCUMENT_NO_MAX} onChange={(documentNo) => change({ ...form, documentNo }, 'documentNo')} />
          <FieldError message={problems.documentNo} />
        </View>
        <View className="form-row">
          <FieldLabel required>情况说明</FieldLabel>
          <TextArea
            id="entry-description"
            placeholder="请填写违法违规事实、处理情况等"
            value={form.description}
            maxLength={DESCRIPTION_MAX}
            showCount
            onChange={(description) => change({ ...form, description }, 'description')}
          />
          <FieldError message={problems.description} />
        </View>
      </Section>

      <Section title="自动计算（无需填写）" id="entry-preview">
        {!previewQuery && <Text className="muted">选择事项和情形后，系统自动计算{kind === 'bad-record' ? '分值和' : ''}公示期时长。</Text>}
        {previewError && <Text className="form-error">{previewError}</Text>}
        {preview && (
          <InfoRows
            rows={[
              ...(points ? [{ label: '等级', value: `第${points.level}级` }, { label: '分值', value: `${points.points}分` }] : []),
              { label: '公示期时长', value: `${preview.publicityMonths}个月` },
              { label: '公示期（若今日审核通过）', value: publicityPeriod(preview.publicityStartIfApprovedToday, preview.publicityEndIfApprovedToday) },
              ...(points?.countOncePerYear ? [{ label: '计分规则', value: '同一年度同一事项只计一次，取最高等级计分' }] : []),
            ]}
          />
        )}
      </Section>

      {kind === 'bad-record' && badItem?.countOncePerYear && (
        <Section title="关联同年度的不良信息" id="entry-links">
          {candidates.length === 0 ? (
            <Text className="muted">{form.subject ? '该评价对象本年度没有同一事项的不良信息' : '选择评价对象后显示同一年度同一事项的不良信息'}</Text>
          ) : (
            candidates.map((c) => (
              <View key={c.id} id={`entry-link-${c.id}`} className={`choice-row${form.linkedRecordIds.includes(c.id) ? ' choice-row--active' : ''}`} onClick={() => change(toggleLinked(form, c.id))}>
                <Text>{form.linkedRecordIds.includes(c.id) ? '☑' : '☐'}</Text>
                <View className="choice-row__text">
                  <Text>{c.circumstanceDescription}</Text>
                  <Text className="muted">
                    {c.factDate} · {c.documentNo} · {c.points}分
                  </Text>
                </View>
              </View>
            ))
          )}
        </Section>
      )}

      <Section>
        <AttachmentPicker id="entry-attachments" onChange={(attachmentIds) => setForm((f) => ({ ...f, attachmentIds }))} />
        <Button id="entry-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          {returned ? '重新提交' : '提交'}
        </Button>
      </Section>
      {confirmation.dialog}
    </>
  );
}
