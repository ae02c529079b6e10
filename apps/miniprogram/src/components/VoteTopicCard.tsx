import { Text, View } from '@tarojs/components';
import { VoteTopicView } from '@szpm/contract';
import { resultRows, resultVerdict } from '../logic/owner-votes';
import { Tag } from '../ui/tag';
import { InfoRows } from './InfoRows';
import './vote-topic.scss';

/**
 * 表决议题 of a vote, with its result from 询异 on (通过 / 未通过, 未达到参与门槛, participation and
 * agreement by area and persons with the exact fractions): the same card for owners and officers.
 * ids: `${id}` and `${id}-result`.
 */
export function VoteTopicCard({ topic, id }: { topic: VoteTopicView; id: string }) {
  const result = topic.result;
  return (
    <View className="card" id={id}>
      <Text className="case-card__title">
        议题{topic.seq}：{topic.content}
      </Text>
      <Text className="muted">{topic.categoryLabel}</Text>
      {result && (
        <View id={`${id}-result`}>
          <View className="vote-topic__tags">
            <Tag type={result.passed ? 'success' : 'danger'}>{resultVerdict(result)}</Tag>
            {!result.quorumReached && <Text className="field-error">未达到参与门槛</Text>}
          </View>
          <InfoRows rows={resultRows(result)} />
        </View>
      )}
    </View>
  );
}
