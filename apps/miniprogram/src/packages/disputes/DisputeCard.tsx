import { Text, View } from '@tarojs/components';
import { DisputeSummary, WorkflowStatus } from '@szpm/contract';
import { DateText } from '../../components/DateText';
import { formatDate } from '../../logic/format';
import { ROUTES } from '../../routes';
import { Tag } from '../../ui/tag';
import { go } from '../../utils/navigation';

const STATUS_TAG: Partial<Record<WorkflowStatus, 'primary' | 'success' | 'warning'>> = {
  [WorkflowStatus.ENTRY]: 'primary',
  [WorkflowStatus.STREET_HANDLING]: 'primary',
  [WorkflowStatus.STREET_REVIEW]: 'warning',
  [WorkflowStatus.REVIEW]: 'warning',
  [WorkflowStatus.APPROVED]: 'success',
};

/** One case of the ledger: number, state, where, what, by when; it opens 查看. */
export function DisputeCard({ item }: { item: DisputeSummary }) {
  return (
    <View className="card case-card dispute-card" id={`dispute-${item.id}`} onClick={() => go(ROUTES.disputeDetail, { id: item.id })}>
      <View className="case-card__head">
        <Text className="case-card__type">{item.categoryName}</Text>
        <View className="dispute-card__tags">
          {item.overdue && <Tag type="danger">已超期</Tag>}
          {item.followUp && <Tag type="warning">待回访</Tag>}
          <Tag type={STATUS_TAG[item.status] ?? 'primary'}>{item.statusLabel}</Tag>
        </View>
      </View>
      <Text className="case-card__title">{item.propertyAreaName}</Text>
      <Text className="dispute-card__summary">{item.summary}</Text>
      <Text className="muted">编号：{item.businessNo}</Text>
      <Text className="muted">
        {item.streetName} · {item.communityName}
      </Text>
      <Text className="muted">办理时限：{formatDate(item.deadline)}</Text>
      <View className="case-card__foot">
        <Text className="muted">
          {item.enteredByName} 录入于 <DateText value={item.enteredAt} time />
        </Text>
        <Text className="case-card__action" id={`dispute-${item.id}-open`}>
          查看
        </Text>
      </View>
    </View>
  );
}
