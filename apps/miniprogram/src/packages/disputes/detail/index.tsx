import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  DisputeDetail,
  PETITION_CATEGORY_LABELS,
  PETITION_FORM_LABELS,
} from '@szpm/contract';
import { ReactNode, useRef, useState } from 'react';
import { ApiError } from '../../../api';
import { disputesApi } from '../../../api/disputes';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldLabel } from '../../../components/FieldLabel';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useLoader } from '../../../hooks/useLoader';
import {
  deadlineText,
  disputeButtons,
  DisputeButtonKind,
  emptyReview,
  OPINION_MAX,
  partyText,
  REMARK_MAX,
  RETURN_REASON_MAX,
  returnProblem,
  returnRequest,
  ReviewForm,
  reviewChoices,
  reviewDoneMessage,
  reviewOpinionRequired,
  reviewProblem,
  reviewRequest,
  transferConfirmation,
} from '../../../logic/disputes';
import { formatDate, formatDateTime } from '../../../logic/format';
import { actionFailureMessage } from '../../../logic/session-ended';
import { ROUTES } from '../../../routes';
import { toast } from '../../../utils/feedback';
import { go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Popup } from '../../../ui/popup';
import { Tag } from '../../../ui/tag';
import { TextArea } from '../../../ui/textarea';
import { DisputeHistory } from '../DisputeHistory';
import '../disputes.scss';

type Tab = 'basic' | 'history';

/**
 * 查看 a 矛盾纠纷件 (`?id=`): 基础信息 (地址, 业务, 信访, 附件, 办理时限, 处理结果) and 历程, with the
 * caller's buttons: 转办 (confirmed), 处理, 审核 (驳回重报 / 同意办结), 退回区局, 修改. Every action sends
 * the version it saw; when someone acted first the case is shown as it stands now.
 */
export default function DisputeDetailPage() {
  const params = useRouter().params;
  const id = intParam(params, 'id');
  // a todo names the workflow case (?caseId=), a ledger or a message the dispute itself (?id=)
  const caseId = intParam(params, 'caseId');
  const loaded = useLoader(
    () => (id !== null ? disputesApi.detail(id) : caseId !== null ? disputesApi.detailOfCase(caseId) : Promise.reject(new Error('矛盾纠纷件编号不正确'))),
    [id, caseId],
  );
  const [tab, setTab] = useState<Tab>('basic');
  const shown = useRef(false);
  // back from 处理 or 修改: the case moved on
  useDidShow(() => {
    if (shown.current) void loaded.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page" id="dispute-detail">
      <LoadState loaded={loaded} id="dispute">
        {(detail) => (
          <>
            <View className="card" id="dispute-head">
              <View className="case-card__head">
                <Text className="case-card__type">{detail.categoryName}</Text>
                <View className="dispute-card__tags">
                  {detail.overdue && <Tag type="danger">已超期</Tag>}
                  {detail.followUp && <Tag type="warning">待回访</Tag>}
                </View>
              </View>
              <Text className="case-card__title">{detail.propertyAreaName}</Text>
              <Text className="muted">编号：{detail.businessNo}</Text>
              <Text className="muted" id="dispute-status">
                当前状态：{detail.statusLabel}
              </Text>
            </View>
            <SegmentTabs
              id="dispute-tabs"
              tabs={[
                { value: 'basic', label: '基础信息' },
                { value: 'history', label: '历程' },
              ]}
              value={tab}
              onChange={setTab}
            />
            {tab === 'basic' ? <BasicInfo detail={detail} /> : (
              <Section title="历程">
                <DisputeHistory history={detail.history} />
              </Section>
            )}
            <DisputeActions detail={detail} onChanged={() => void loaded.reload()} />
          </>
        )}
      </LoadState>
    </View>
  );
}

function BasicInfo({ detail }: { detail: DisputeDetail }) {
  const petition = detail.petition;
  const handling = detail.handling;
  return (
    <>
      <Section title="地址信息" id="dispute-info-address">
        <InfoRows
          rows={[
            { label: '所属区域', value: detail.districtName },
            { label: '所属街道', value: detail.streetName },
            { label: '所属社区', value: detail.communityName },
            { label: '小区名称', value: detail.propertyAreaName },
            { label: '详细地址', value: detail.address || '—' },
          ]}
        />
      </Section>
      <Section title="业务信息" id="dispute-info-business">
        <InfoRows
          rows={[
            { label: '问题分类', value: detail.categoryName },
            { label: '纠纷简述', value: detail.summary },
            { label: '诉求', value: detail.demand },
            { label: '涉及人数', value: `${detail.peopleCount}人` },
            { label: '申请方', value: partyText(detail.applicant) },
            { label: '被申请方', value: partyText(detail.respondent) },
            { label: '来源', value: DISPUTE_SOURCE_LABELS[detail.source] },
            { label: '紧急程度', value: DISPUTE_URGENCY_LABELS[detail.urgency] },
            { label: '录入', value: `${detail.enteredByName} · ${formatDateTime(detail.enteredAt)}` },
          ]}
        />
      </Section>
      <Section title="信访信息" id="dispute-info-petition">
        {petition ? (
          <InfoRows
            rows={[
              { label: '信访件编号', value: petition.petitionNo || '—' },
              { label: '信访人', value: petition.petitioner },
              { label: '联系电话', value: petition.phone || '—' },
              { label: '信访形式', value: PETITION_FORM_LABELS[petition.form] },
              { label: '信访日期', value: formatDate(petition.date) },
              { label: '是否集体访', value: petition.collective ? '是' : '否' },
              { label: '信访类别', value: PETITION_CATEGORY_LABELS[petition.category] },
            ]}
          />
        ) : (
          <Text className="muted">不涉及信访</Text>
        )}
      </Section>
      <Section title="附件" id="dispute-info-attachments">
        {detail.attachments.length ? detail.attachments.map((a) => <Text key={a.id} className="attachment__name">{a.fileName}</Text>) : <Text className="muted">无附件</Text>}
      </Section>
      <Section title="办理时限" id="dispute-info-deadline">
        <Text>{deadlineText(detail)}</Text>
      </Section>
      <Section title="处理结果" id="dispute-info-handling">
        {handling ? (
          <InfoRows
            rows={[
              { label: '处置方式', value: DISPUTE_DISPOSAL_LABELS[handling.disposal] },
              { label: '处置情况', value: DISPUTE_OUTCOME_LABELS[handling.outcome] },
              { label: '答复日期', value: formatDate(handling.repliedAt) },
              { label: '化解疏导情况', value: handling.handlingNote },
              { label: '存在问题', value: handling.issues || '—' },
              { label: '办结时间', value: formatDateTime(detail.closedAt) },
            ]}
          />
        ) : (
          <Text className="muted">尚未处理</Text>
        )}
      </Section>
    </>
  );
}

/** The caller's buttons and what they open: the 转办 question, the 审核 and 退回区局 sheets. */
function DisputeActions({ detail, onChanged }: { detail: DisputeDetail; onChanged: () => void }) {
  const buttons = disputeButtons(detail.allowedActions);
  const confirmation = useConfirmDialog('dispute-confirm');
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<'review' | 'return' | null>(null);
  const [review, setReview] = useState<ReviewForm>(emptyReview);
  const [reason, setReason] = useState('');
  const choices = reviewChoices(detail.allowedActions);

  const run = async (action: () => Promise<DisputeDetail>, done: string) => {
    setBusy(true);
    try {
      await action();
      toast(done);
      setSheet(null);
      onChanged();
    } catch (error) {
      const message = actionFailureMessage(error);
      if (message) toast(message);
      // someone acted first: show the case as it stands now
      if (error instanceof ApiError && error.status === 409) {
        setSheet(null);
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };

  const press = async (kind: DisputeButtonKind) => {
    if (kind === 'edit') return go(ROUTES.disputeEntry, { id: detail.id });
    if (kind === 'handle') return go(ROUTES.disputeHandle, { id: detail.id });
    if (kind === 'review') {
      setReview(emptyReview());
      return setSheet('review');
    }
    if (kind === 'return') {
      setReason('');
      return setSheet('return');
    }
    if (!(await confirmation.ask(transferConfirmation(detail)))) return;
    await run(() => disputesApi.transfer(detail.id, { version: detail.version }), `已转办至${detail.streetName}`);
  };

  const submitReview = async () => {
    const problem = reviewProblem(review);
    if (problem) return toast(problem);
    await run(() => disputesApi.review(detail.id, reviewRequest(review, detail.version)), reviewDoneMessage(review.decision!));
  };

  const submitReturn = async () => {
    const problem = returnProblem(reason);
    if (problem) return toast(problem);
    await run(() => disputesApi.returnToDistrict(detail.id, returnRequest(reason, detail.version)), '已退回区局');
  };

  if (!buttons.length) return null;
  return (
    <>
      <Section title="办理" id="dispute-actions">
        <View className="dispute-actions">
          {buttons.map((b) => (
            <Button key={b.kind} id={`dispute-action-${b.kind}`} type={b.primary ? 'primary' : 'default'} fill={b.primary ? 'solid' : 'outline'} loading={busy && b.kind === 'transfer'} onClick={() => void press(b.kind)}>
              {b.label}
            </Button>
          ))}
        </View>
      </Section>
      <ActionSheet open={sheet === 'review'} title="审核" onClose={() => setSheet(null)}>
        <View id="dispute-review">
          <FieldLabel required>审核意见</FieldLabel>
          <View className="choices">
            {choices.map((c) => (
              <View
                key={c.decision}
                id={`dispute-review-${c.decision}`}
                className={`choice${review.decision === c.decision ? ' choice--active' : ''}`}
                onClick={() => setReview((r) => ({ ...r, decision: c.decision }))}
              >
                <Text>{c.label}</Text>
              </View>
            ))}
          </View>
          <FieldLabel required={reviewOpinionRequired(review.decision)}>{reviewOpinionRequired(review.decision) ? '驳回理由' : '意见（选填）'}</FieldLabel>
          <TextArea id="dispute-review-opinion" placeholder={reviewOpinionRequired(review.decision) ? '请写明驳回重报的理由' : '审核意见'} value={review.opinion} maxLength={OPINION_MAX} showCount onChange={(opinion) => setReview((r) => ({ ...r, opinion }))} />
          <FieldLabel>备注（选填）</FieldLabel>
          <TextArea id="dispute-review-remark" placeholder="备注" value={review.remark} maxLength={REMARK_MAX} onChange={(remark) => setReview((r) => ({ ...r, remark }))} />
          <Button id="dispute-review-submit" type="primary" block loading={busy} onClick={() => void submitReview()}>
            提交
          </Button>
        </View>
      </ActionSheet>
      <ActionSheet open={sheet === 'return'} title="退回区局" onClose={() => setSheet(null)}>
        <View id="dispute-return">
          <FieldLabel required>退回理由</FieldLabel>
          <TextArea id="dispute-return-reason" placeholder="如 不属于本街道辖区" value={reason} maxLength={RETURN_REASON_MAX} showCount onChange={setReason} />
          <Button id="dispute-return-submit" type="primary" block loading={busy} onClick={() => void submitReturn()}>
            退回区局
          </Button>
        </View>
      </ActionSheet>
      {confirmation.dialog}
    </>
  );
}

function ActionSheet({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  return (
    <Popup visible={open} position="bottom" round title={title} closeable onClose={onClose}>
      <ScrollView scrollY className="sheet dispute-scroll">
        <View className="dispute-sheet">{children}</View>
      </ScrollView>
    </Popup>
  );
}
