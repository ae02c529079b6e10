import { Text, View } from '@tarojs/components';
import { WORKFLOW_STATUS_LABELS, WorkflowHistoryEntry } from '@szpm/contract';
import { formatDateTime } from '../logic/format';
import { returnBanner } from '../logic/workflow-decision';
import './case-history.scss';

/** A returned form: who sent it back (退回上一级 / 退回补录), and the reason they gave. */
export function ReturnBanner({ entry, id = 'return-banner' }: { entry: WorkflowHistoryEntry; id?: string }) {
  const { title, reason } = returnBanner(entry);
  return (
    <View className="return-banner" id={id}>
      <Text className="return-banner__title">
        {title} · {formatDateTime(entry.at)}
      </Text>
      <Text className="return-banner__reason" id={`${id}-reason`}>
        退回理由：{reason}
      </Text>
    </View>
  );
}

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
