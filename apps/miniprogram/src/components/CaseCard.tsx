import { Text, View } from '@tarojs/components';
import { DISPUTE_FORM_TYPE, WorkflowCaseSummary, WorkflowStatus } from '@szpm/contract';
import { DateText } from './DateText';
import { ROUTES } from '../routes';
import { go } from '../utils/navigation';
import { Tag } from '../ui/tag';

const STATUS_TAG: Record<WorkflowStatus, 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  [WorkflowStatus.PENDING_ACCEPTANCE]: 'warning',
  [WorkflowStatus.ENTRY]: 'primary',
  [WorkflowStatus.REVIEW]: 'primary',
  [WorkflowStatus.SUPPLEMENT]: 'warning',
  [WorkflowStatus.STREET_HANDLING]: 'primary',
  [WorkflowStatus.STREET_REVIEW]: 'primary',
  [WorkflowStatus.APPROVED]: 'success',
  [WorkflowStatus.REJECTED]: 'danger',
  [WorkflowStatus.WITHDRAWN]: 'default',
};

/** One business form in a list, with 办理 (it waits for me) or 查看. */
export function CaseCard({ item, actionLabel }: { item: WorkflowCaseSummary; actionLabel: '办理' | '查看' }) {
  // a 矛盾纠纷件 opens its own page (转办 / 处理 / 审核 / 修改 with 历程); every other form the generic one
  const open = () => (item.formType === DISPUTE_FORM_TYPE ? go(ROUTES.disputeDetail, { caseId: item.id }) : go(ROUTES.case, { id: item.id }));
  return (
    <View className="card case-card" id={`case-${item.id}`} onClick={open}>
      <View className="case-card__head">
        <Text className="case-card__type">{item.formTypeLabel}</Text>
        {/* sent back to be corrected: 已退回 says more than the step (录入初审) it went back to */}
        {item.returned && item.status !== WorkflowStatus.SUPPLEMENT ? (
          <Tag type="warning" className="case-card__returned">
            已退回
          </Tag>
        ) : (
          <Tag type={STATUS_TAG[item.status]}>{item.statusLabel}</Tag>
        )}
      </View>
      <Text className="case-card__title">{item.title}</Text>
      <Text className="muted">业务单号：{item.businessNo}</Text>
      {item.subjectName && !item.title.includes(item.subjectName) && <Text className="muted">评价对象：{item.subjectName}</Text>}
      <Text className="muted">
        发起：{item.initiatorName} · <DateText value={item.createdAt} time />
      </Text>
      <View className="case-card__foot">
        <Text className="muted">
          更新于 <DateText value={item.updatedAt} time />
        </Text>
        <Text className="case-card__action" id={`case-${item.id}-open`}>
          {actionLabel}
        </Text>
      </View>
    </View>
  );
}
