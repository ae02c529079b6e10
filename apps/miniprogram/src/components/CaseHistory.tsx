import { Text, View } from '@tarojs/components';
import { WORKFLOW_STATUS_LABELS, WorkflowHistoryEntry } from '@szpm/contract';
import { formatDateTime } from '../logic/format';

/** 审批流程记录: who did what, when, with which opinion (and for whom, under a delegation). */
export function CaseHistory({ history }: { history: WorkflowHistoryEntry[] }) {
  if (!history.length) return <Text className="muted">暂无流程记录</Text>;
  return (
    <View className="timeline" id="case-history">
      {[...history].reverse().map((entry) => (
        <View className="timeline__item" key={entry.seq}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{entry.actionLabel}</Text>
              <Text className="muted">{formatDateTime(entry.at)}</Text>
            </View>
            <Text className="timeline__actor">
              {entry.actorName}（{entry.actorRoleLabel}）{entry.onBehalfOfName ? ` 代 ${entry.onBehalfOfName}` : ''}
            </Text>
            <Text className="muted">→ {WORKFLOW_STATUS_LABELS[entry.toStatus]}</Text>
            {entry.opinion && <Text className="timeline__opinion">意见：{entry.opinion}</Text>}
            {entry.remark && <Text className="timeline__opinion">备注：{entry.remark}</Text>}
            {entry.attachments.length > 0 && <Text className="muted">附件：{entry.attachments.map((a) => a.fileName).join('、')}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
