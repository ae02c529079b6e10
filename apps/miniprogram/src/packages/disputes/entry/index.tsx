import Taro, { useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import {
  DISPUTE_DUPLICATE_WARNING,
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  DisputeCategoryView,
  DisputeDetail,
  DisputeDuplicateResult,
  MeResponse,
  PETITION_CATEGORY_LABELS,
  PETITION_FORM_LABELS,
  PropertyAreaListItem,
  RegionNode,
} from '@szpm/contract';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api';
import { disputesApi } from '../../../api/disputes';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { DateField } from '../../../components/DateField';
import { DateText } from '../../../components/DateText';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { DRAFT_RESTORED_MESSAGE, draftKey, drafts } from '../../../drafts';
import { useDraft } from '../../../hooks/useDraft';
import { useLoader } from '../../../hooks/useLoader';
import {
  ADDRESS_MAX,
  categoryOptions,
  DEMAND_MAX,
  DISPUTE_API_FIELDS,
  disputeEditRequest,
  DisputeField,
  DisputeForm,
  disputeFormOf,
  disputeInput,
  DisputeProblems,
  disputeProblems,
  DUPLICATE_CHECK_DELAY_MS,
  duplicateQuery,
  duplicateReasonsText,
  emptyDisputeForm,
  keptDisputeDraft,
  NAME_MAX,
  PETITION_NO_MAX,
  PHONE_MAX,
  showsDuplicateWarning,
  SUMMARY_MAX,
} from '../../../logic/disputes';
import { shanghaiToday } from '../../../logic/format';
import { communitiesOf, streetsOf } from '../../../logic/project-forms';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { ROUTES, routeTo } from '../../../routes';
import { ensureMe } from '../../../session-loader';
import { toast } from '../../../utils/feedback';
import { back, go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { Popup } from '../../../ui/popup';
import { Tag } from '../../../ui/tag';
import { TextArea } from '../../../ui/textarea';
import '../disputes.scss';

const options = <V extends string>(labels: Record<V, string>) => (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

/**
 * 录入矛盾纠纷件 (district officers), or with `?id=` 修改 a case: 地址信息, 业务信息 (with the duplicate
 * warning while typing), 信访信息 (when there is a petition), 附件 and 办理时限 (the category's default).
 * In 修改 the region (区域, 街道, 社区) stays as entered; the 小区 can change within the community.
 */
export default function DisputeEntry() {
  const id = intParam(useRouter().params, 'id');
  const loaded = useLoader(() => Promise.all([api.regions.tree(), disputesApi.categories(), ensureMe(), id === null ? Promise.resolve(null) : disputesApi.detail(id)]), [id]);
  useEffect(() => {
    if (id !== null) void Taro.setNavigationBarTitle({ title: '修改矛盾纠纷件' });
  }, [id]);
  return (
    <View className="page" id="dispute-entry">
      <LoadState loaded={loaded} id="dispute-entry-options">
        {([tree, categories, me, detail]) => <EntryForm tree={tree} categories={categories} me={me} detail={detail} />}
      </LoadState>
    </View>
  );
}

function EntryForm({ tree, categories, me, detail }: { tree: RegionNode[]; categories: DisputeCategoryView[]; me: MeResponse; detail: DisputeDetail | null }) {
  const editing = detail !== null;
  // a new case is kept as a draft while typed; a 修改 starts from the case each time
  const draft = useDraft<DisputeForm>(drafts, editing ? null : draftKey('dispute-entry', me.id), editing ? disputeFormOf(detail) : emptyDisputeForm(), keptDisputeDraft);
  const { value: form, setValue: setForm } = draft;
  useEffect(() => {
    if (draft.restored) toast(DRAFT_RESTORED_MESSAGE);
  }, [draft.restored]);
  const [problems, setProblems] = useState<DisputeProblems>({});
  const [busy, setBusy] = useState(false);
  const [areas, setAreas] = useState<PropertyAreaListItem[]>([]);
  const [areasLoading, setAreasLoading] = useState(false);
  const [deadlineHint, setDeadlineHint] = useState<string | null>(null);
  // the officer's own 办理时限 is not overwritten by a later category's default (修改 keeps the case's)
  const deadlineChosen = useRef(editing || form.deadline !== '');
  const [duplicates, setDuplicates] = useState<DisputeDuplicateResult | null>(null);
  const [duplicatesOpen, setDuplicatesOpen] = useState(false);
  const today = shanghaiToday();
  const streets = streetsOf(tree);
  const communities = communitiesOf(tree, form.streetId);

  const change = (patch: Partial<DisputeForm>, field?: DisputeField) => {
    setForm((f) => ({ ...f, ...patch }));
    if (field) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  // 小区名称: the property areas of the chosen community
  useEffect(() => {
    if (form.communityId === null) {
      setAreas([]);
      return;
    }
    let current = true;
    setAreasLoading(true);
    api.propertyAreas
      .list({ communityId: form.communityId, pageSize: 100 })
      .then((page) => current && setAreas(page.items))
      .catch(() => current && setAreas([]))
      .finally(() => current && setAreasLoading(false));
    return () => {
      current = false;
    };
  }, [form.communityId]);

  // the duplicate check, once typing rests; a failed check says nothing (it never blocks 提交)
  const query = duplicateQuery(form, detail?.id ?? null);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    if (query === null) {
      setDuplicates(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      disputesApi
        .duplicates(query)
        .then((result) => current && setDuplicates(result))
        .catch(() => undefined);
    }, DUPLICATE_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);

  const chooseCategory = async (categoryId: number) => {
    change({ categoryId }, 'category');
    if (deadlineChosen.current) return;
    try {
      const suggested = await disputesApi.deadlineDefault(categoryId);
      if (deadlineChosen.current) return;
      change({ deadline: suggested.deadline }, 'deadline');
      setDeadlineHint(`按问题分类默认${suggested.workingDays}个工作日`);
    } catch {
      // the officer picks the date; the api fills the default when none is sent
    }
  };

  const submit = async () => {
    const found = disputeProblems(form, today);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    setBusy(true);
    try {
      if (detail) {
        await disputesApi.update(detail.id, disputeEditRequest(form, detail.version));
        toast('已保存修改');
        setTimeout(() => back(ROUTES.disputes), 800);
      } else {
        const created = await disputesApi.create(disputeInput(form));
        draft.discard();
        toast(`已录入，编号 ${created.businessNo}`);
        setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.disputeDetail, { id: created.id }) }), 800);
      }
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, DISPUTE_API_FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  type TextKey = 'address' | 'peopleCount' | 'applicantName' | 'applicantPhone' | 'respondentName' | 'respondentPhone' | 'petitionNo' | 'petitioner' | 'petitionPhone';
  const text = (key: TextKey, field: DisputeField, label: string, placeholder: string, extra: { required?: boolean; maxLength?: number; type?: 'text' | 'tel' | 'number' } = {}) => (
    <View className="form-row">
      <FieldLabel required={extra.required}>{label}</FieldLabel>
      <Input id={`dispute-${key}`} type={extra.type ?? 'text'} placeholder={placeholder} value={form[key]} maxLength={extra.maxLength} onChange={(value) => change({ [key]: value } as Partial<DisputeForm>, field)} />
      <FieldError message={problems[field]} />
    </View>
  );
  const longText = (key: 'summary' | 'demand', label: string, placeholder: string, maxLength: number) => (
    <View className="form-row">
      <FieldLabel required>{label}</FieldLabel>
      <TextArea id={`dispute-${key}`} placeholder={placeholder} value={form[key]} maxLength={maxLength} showCount onChange={(value) => change({ [key]: value } as Partial<DisputeForm>, key)} />
      <FieldError message={problems[key]} />
    </View>
  );
  const choice = (id: string, active: boolean, label: string, onClick: () => void) => (
    <View id={id} className={`choice${active ? ' choice--active' : ''}`} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );

  return (
    <>
      <Section title="地址信息" id="dispute-address">
        {editing ? (
          <>
            <InfoRows
              id="dispute-region"
              rows={[
                { label: '所属区域', value: detail.districtName },
                { label: '所属街道', value: detail.streetName },
                { label: '所属社区', value: detail.communityName },
              ]}
            />
            <Text className="muted">所属区域、所属街道、所属社区录入后不能修改</Text>
            <FieldError message={problems.street ?? problems.community} />
          </>
        ) : (
          <>
            <InfoRows id="dispute-district" rows={[{ label: '所属区域', value: me.districtName ?? '—' }]} />
            <SelectField
              id="dispute-street"
              label="所属街道"
              placeholder="请选择街道"
              value={form.streetId}
              options={streets.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(streetId) => change({ streetId, communityId: null, propertyAreaId: null }, 'street')}
              error={problems.street}
              required
              emptyText="本区暂无街道"
            />
            <SelectField
              id="dispute-community"
              label="所属社区"
              placeholder={form.streetId === null ? '请先选择街道' : '请选择社区'}
              value={form.communityId}
              options={communities.map((c) => ({ value: c.id, label: c.name, description: `${c.propertyAreaCount}个小区` }))}
              onChange={(communityId) => change({ communityId, propertyAreaId: null }, 'community')}
              error={problems.community}
              disabled={form.streetId === null}
              required
              emptyText="该街道暂无社区"
            />
          </>
        )}
        <SelectField
          id="dispute-area"
          label="小区名称"
          placeholder={form.communityId === null ? '请先选择社区' : areasLoading ? '加载中…' : '请选择小区'}
          value={form.propertyAreaId}
          options={areas.map((a) => ({ value: a.id, label: a.name, description: a.address }))}
          onChange={(propertyAreaId) => change({ propertyAreaId }, 'propertyArea')}
          error={problems.propertyArea}
          disabled={form.communityId === null}
          required
          emptyText={areasLoading ? '加载中…' : '该社区暂无小区'}
        />
        {text('address', 'address', '详细地址（选填）', '如 3栋1单元', { maxLength: ADDRESS_MAX })}
      </Section>

      <Section title="业务信息" id="dispute-business">
        {showsDuplicateWarning(duplicates) && (
          <View className="dispute-duplicate" id="dispute-duplicate">
            <Text className="dispute-duplicate__text">{DISPUTE_DUPLICATE_WARNING}</Text>
            <Text className="dispute-duplicate__open" id="dispute-duplicate-open" onClick={() => setDuplicatesOpen(true)}>
              查看&gt;
            </Text>
          </View>
        )}
        <SelectField
          id="dispute-category"
          label="问题分类"
          placeholder="请选择问题分类"
          value={form.categoryId}
          options={categoryOptions(categories, detail?.categoryId ?? null)}
          onChange={(categoryId) => void chooseCategory(categoryId)}
          error={problems.category}
          required
          emptyText="暂无问题分类，请联系管理员维护"
        />
        {longText('summary', '纠纷简述', '纠纷的经过和现状', SUMMARY_MAX)}
        {longText('demand', '诉求', '申请方的诉求', DEMAND_MAX)}
        {text('peopleCount', 'peopleCount', '涉及人数', '如 12', { required: true, type: 'number', maxLength: 6 })}
        <SelectField
          id="dispute-applicant-kind"
          label="申请方类型"
          placeholder="请选择"
          value={form.applicantKind}
          options={options(DISPUTE_PARTY_KIND_LABELS)}
          onChange={(applicantKind) => change({ applicantKind }, 'applicantKind')}
          error={problems.applicantKind}
          required
        />
        {text('applicantName', 'applicantName', '申请方名称', '姓名或单位名称', { required: true, maxLength: NAME_MAX })}
        {text('applicantPhone', 'applicantPhone', '申请方电话（选填）', '手机或固定电话', { type: 'tel', maxLength: PHONE_MAX })}
        <SelectField
          id="dispute-respondent-kind"
          label="被申请方类型"
          placeholder="请选择"
          value={form.respondentKind}
          options={options(DISPUTE_PARTY_KIND_LABELS)}
          onChange={(respondentKind) => change({ respondentKind }, 'respondentKind')}
          error={problems.respondentKind}
          required
        />
        {text('respondentName', 'respondentName', '被申请方名称', '姓名或单位名称', { required: true, maxLength: NAME_MAX })}
        {text('respondentPhone', 'respondentPhone', '被申请方电话（选填）', '手机或固定电话', { type: 'tel', maxLength: PHONE_MAX })}
        <SelectField id="dispute-source" label="来源" placeholder="请选择来源" value={form.source} options={options(DISPUTE_SOURCE_LABELS)} onChange={(source) => change({ source }, 'source')} error={problems.source} required />
        <SelectField id="dispute-urgency" label="紧急程度" placeholder="请选择" value={form.urgency} options={options(DISPUTE_URGENCY_LABELS)} onChange={(urgency) => change({ urgency }, 'urgency')} error={problems.urgency} required />
      </Section>

      <Section title="信访信息" id="dispute-petition">
        <View className="choices">
          {choice('dispute-petition-off', !form.withPetition, '不涉及信访', () => change({ withPetition: false }))}
          {choice('dispute-petition-on', form.withPetition, '涉及信访', () => change({ withPetition: true }))}
        </View>
        {form.withPetition && (
          <>
            {text('petitionNo', 'petitionNo', '信访件编号（选填）', '信访件编号', { maxLength: PETITION_NO_MAX })}
            {text('petitioner', 'petitioner', '信访人', '信访人姓名', { required: true, maxLength: NAME_MAX })}
            {text('petitionPhone', 'petitionPhone', '信访人电话（选填）', '手机或固定电话', { type: 'tel', maxLength: PHONE_MAX })}
            <SelectField
              id="dispute-petition-form"
              label="信访形式"
              placeholder="请选择"
              value={form.petitionForm}
              options={options(PETITION_FORM_LABELS)}
              onChange={(petitionForm) => change({ petitionForm }, 'petitionForm')}
              error={problems.petitionForm}
              required
            />
            <DateField id="dispute-petition-date" label="信访日期" value={form.petitionDate} end={today} onChange={(petitionDate) => change({ petitionDate }, 'petitionDate')} error={problems.petitionDate} required />
            <View className="form-row">
              <FieldLabel required>是否集体访</FieldLabel>
              <View className="choices">
                {choice('dispute-petition-collective-no', !form.petitionCollective, '否', () => change({ petitionCollective: false }, 'petitionCollective'))}
                {choice('dispute-petition-collective-yes', form.petitionCollective, '是（5人以上）', () => change({ petitionCollective: true }, 'petitionCollective'))}
              </View>
              <FieldError message={problems.petitionCollective} />
            </View>
            <SelectField
              id="dispute-petition-category"
              label="信访类别"
              placeholder="请选择"
              value={form.petitionCategory}
              options={options(PETITION_CATEGORY_LABELS)}
              onChange={(petitionCategory) => change({ petitionCategory }, 'petitionCategory')}
              error={problems.petitionCategory}
              required
            />
          </>
        )}
      </Section>

      <Section title="附件" id="dispute-attachments-section">
        <AttachmentPicker id="dispute-attachments" label="附件（选填）" initial={detail?.attachments ?? []} onChange={(attachmentIds) => change({ attachmentIds }, 'attachments')} />
        <FieldError message={problems.attachments} />
      </Section>

      <Section title="办理时限" id="dispute-deadline-section">
        <DateField
          id="dispute-deadline"
          label="办理时限"
          value={form.deadline}
          start={today}
          onChange={(deadline) => {
            deadlineChosen.current = true;
            setDeadlineHint(null);
            change({ deadline }, 'deadline');
          }}
          error={problems.deadline}
        />
        {(deadlineHint || !form.deadline) && (
          <Text className="muted" id="dispute-deadline-hint">
            {deadlineHint ?? '不选则按问题分类的默认时限（工作日）计算'}
          </Text>
        )}
      </Section>

      <Button id="dispute-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        提交
      </Button>

      <Popup visible={duplicatesOpen} position="bottom" round title="历史相似的矛盾纠纷件" closeable onClose={() => setDuplicatesOpen(false)}>
        <ScrollView scrollY className="sheet dispute-scroll">
          <View id="dispute-duplicates" className="dispute-sheet">
            {duplicates && <Text className="muted sheet__empty">近{duplicates.windowDays}天内的矛盾纠纷件，仅供参考，不影响提交</Text>}
            {(duplicates?.items ?? []).map((item) => (
              <View key={item.id} id={`dispute-duplicate-${item.id}`} className="sheet__option" onClick={() => go(ROUTES.disputeDetail, { id: item.id })}>
                <View className="case-card__head">
                  <Text className="sheet__label">{item.propertyAreaName}</Text>
                  <Tag type="primary">{item.statusLabel}</Tag>
                </View>
                <Text className="muted">编号：{item.businessNo}</Text>
                <Text className="muted">问题分类：{item.categoryName}</Text>
                <Text className="dispute-card__summary">{item.summary}</Text>
                <Text className="muted">
                  录入于 <DateText value={item.enteredAt} time />
                </Text>
                <Text className="muted">相似之处：{duplicateReasonsText(item)}</Text>
              </View>
            ))}
            <View className="dispute-sheet__actions">
              <Button id="dispute-duplicates-close" fill="outline" onClick={() => setDuplicatesOpen(false)}>
                返回继续录入
              </Button>
            </View>
          </View>
        </ScrollView>
      </Popup>
    </>
  );
}
