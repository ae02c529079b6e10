import { Text, View } from '@tarojs/components';
import { EVALUATION_TARGET_LABELS, OwnerEvaluationView } from '@szpm/contract';
import { DateText } from '../../components/DateText';
import { STAR_WORDS } from '../../logic/owner-evaluation';
import './owner.scss';

/** An owner's evaluation as the owner sees it: items with stars and reasons, the comment, the reply. */
export function EvaluationCard({ evaluation, id }: { evaluation: OwnerEvaluationView; id: string }) {
  return (
    <View className="card" id={id}>
      <Text className="case-card__title">
        {evaluation.month} · {EVALUATION_TARGET_LABELS[evaluation.target]} · {STAR_WORDS[evaluation.stars]}（{evaluation.score.toFixed(2)} 分）
      </Text>
      <Text className="muted">
        {evaluation.propertyAreaName} {evaluation.houseLabel}
        {evaluation.anonymous ? ' · 匿名' : ''}
      </Text>
      {evaluation.answers.map((a) => (
        <Text className="muted" key={a.itemId}>
          {a.itemName}：{STAR_WORDS[a.star]}
          {a.reasons.length || a.otherReason ? `（${[...a.reasons, ...(a.otherReason ? [`其他：${a.otherReason}`] : [])].join('、')}）` : ''}
        </Text>
      ))}
      {evaluation.comment && <Text className="muted">留言：{evaluation.comment}</Text>}
      <View className="owner-reply" id={`${id}-reply`}>
        {evaluation.reply ? (
          <Text>
            回复：{evaluation.reply}（<DateText value={evaluation.repliedAt} />）
          </Text>
        ) : (
          <Text className="muted">暂未回复</Text>
        )}
      </View>
    </View>
  );
}
