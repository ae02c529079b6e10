import { Text, View } from '@tarojs/components';
import { WorkflowHistoryEntry } from '@szpm/contract';
import { formatDateTime } from '../../logic/format';
import { statusLabelOf } from '../../logic/disputes';
import '../../components/case-history.scss';

/** 历程: every step of the case, newest first — what was done, by whom, when, with which opinion and remark. */
export function DisputeHistory({ history }: { history: WorkflowHistoryEntry[] }) {
  if (!history.length) return <Text className="muted">暂无历程</Text>;
  return (
    <View className="timeline" id="dispute-history">
      {[...history].reverse().map((entry) => (
        <View className="timeline__item" key={entry.seq} id={`dispute-history-${entry.seq}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{entry.actionLabel}</Text>
              <Text className="muted">{formatDateTime(entry.at)}</Text>
            </View>
            <Text className="timeline__actor">
              {entry.actorName}（{entry.actorRoleLabel}）{entry.onBehalfOfName ? ` 代 ${entry.onBehalfOfName}` : ''}
            </Text>
            <Text className="muted">→ {statusLabelOf(entry.toStatus)}</Text>
            {entry.opinion && <Text className="timeline__opinion">意见：{entry.opinion}</Text>}
            {entry.remark && <Text className="timeline__opinion">备注：{entry.remark}</Text>}
            {entry.attachments.length > 0 && <Text className="muted">附件：{entry.attachments.map((a) => a.fileName).join('、')}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
