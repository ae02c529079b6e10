import { Text, View } from '@tarojs/components';
import { EvaluationRecordView } from '@szpm/contract';
import { ReactNode } from 'react';
import { DateText } from '../../components/DateText';
import { STAR_WORDS } from '../../logic/owner-evaluation';

/** An evaluation as officers and the evaluated side read it; the owner's name only where the reader may see it. */
export function RecordCard({ record, id, children }: { record: EvaluationRecordView; id: string; children?: ReactNode }) {
  const who = record.anonymous && !record.ownerName ? '匿名业主' : [record.ownerName, record.houseLabel].filter(Boolean).join(' ');
  return (
    <View className="card" id={id}>
      <Text className="case-card__title">
        {record.propertyAreaName} · {STAR_WORDS[record.stars]}（{record.score.toFixed(2)} 分）
      </Text>
      <Text className="muted">
        {record.month} · {who || '业主'}
        {record.anonymous ? '（匿名）' : ''} · <DateText value={record.submittedAt} time />
      </Text>
      {record.answers.map((a) => (
        <Text className="muted" key={a.itemId}>
          {a.itemName}：{STAR_WORDS[a.star]}
          {a.reasons.length || a.otherReason ? `（${[...a.reasons, ...(a.otherReason ? [`其他：${a.otherReason}`] : [])].join('、')}）` : ''}
        </Text>
      ))}
      {record.comment && <Text className="muted">留言：{record.comment}</Text>}
      <Text className="muted" id={`${id}-reply`}>
        {record.reply ? `回复：${record.reply}（${record.repliedByName ?? ''}）` : '未回复'}
      </Text>
      {children}
    </View>
  );
}
