import { Text, View } from '@tarojs/components';
import { VoteListItem, VoteTopicListItem } from '@szpm/contract';
import { formatDateTime } from '../../logic/format';
import { ROUTES } from '../../routes';
import { go } from '../../utils/navigation';

/** A vote as the lists show it: 编号, 小区, 议题, 范围, 起止时间, 状态; a topic row adds the topic and its result. */
export function VoteCard({ vote, id }: { vote: VoteListItem | VoteTopicListItem; id: string }) {
  const topic = 'topicId' in vote ? vote : null;
  return (
    <View className="card" id={id} onClick={() => go(ROUTES.ownerDecisionVote, { id: vote.id })}>
      <Text className="case-card__title">{vote.title}</Text>
      <Text className="muted">
        {vote.voteNo} · {vote.propertyAreaName} · {vote.scopeLabel}
      </Text>
      <Text className="muted">
        {formatDateTime(vote.beginAt)} 至 {formatDateTime(vote.endAt)} · {vote.stateLabel}
        {vote.delayed ? '（已延期）' : ''}
      </Text>
      {topic && (
        <Text className="muted" id={`${id}-topic`}>
          议题{topic.topicSeq}：{topic.topicContent}（{topic.categoryLabel}）{topic.passed === null ? '' : topic.passed ? ' · 通过' : ' · 未通过'}
        </Text>
      )}
    </View>
  );
}
