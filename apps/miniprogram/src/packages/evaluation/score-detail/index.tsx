import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EVALUATION_SUBJECT_TYPE_LABELS, EvaluationSubjectType, ScoreLineKind } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { formatDate, formatDateTime, signedPoints } from '../../../logic/format';
import { scoreSections, summaryLines } from '../../../logic/score-breakdown';
import { ROUTES } from '../../../routes';
import { go, intParam } from '../../../utils/navigation';
import { Popup } from '../../../ui/popup';

/** One subject's score: 基础信息 / 良好信息 / 不良信息 得分 with their rules, and 计分周期说明. */
export default function ScoreDetailPage() {
  const { params } = useRouter();
  const subjectType = params.subjectType === EvaluationSubjectType.PROJECT_MANAGER ? EvaluationSubjectType.PROJECT_MANAGER : EvaluationSubjectType.COMPANY;
  const subjectId = intParam(params, 'subjectId');
  const cycle = params.cycle || undefined;
  const loaded = useLoader(() => (subjectId === null ? Promise.reject(new Error('评价对象编号不正确')) : api.evaluation.score(subjectType, subjectId, cycle)), [subjectType, subjectId, cycle]);
  const [explaining, setExplaining] = useState(false);
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page" id="score-detail">
      <LoadState loaded={loaded} id="score">
        {(detail) => (
          <>
            <View className="card score-head">
              <Text className="case-card__type">{EVALUATION_SUBJECT_TYPE_LABELS[detail.subjectType]}</Text>
              <Text className="case-card__title">{detail.subjectName}</Text>
              <View className="score-head__row">
                <Text className="score-card__points" id="score-total">
                  {detail.total}分
                </Text>
                <Text className="score-card__grade">{detail.grade}</Text>
              </View>
              <View className="score-head__row">
                <Text className="muted">
                  {detail.cycle.label}（{formatDate(detail.cycle.start)} 至 {formatDate(detail.cycle.end)}）
                </Text>
                <Text className="link" id="score-explain" onClick={() => setExplaining(true)}>
                  计分周期说明
                </Text>
              </View>
            </View>
            {scoreSections(detail).map((section) => (
              <Section key={section.kind} title={section.title} extra={<Text className="score-section__points">{section.points}分</Text>} id={`score-section-${section.kind}`}>
                {section.lines.length === 0 && <Text className="muted">本计分周期内无{section.kind === 'GOOD' ? '良好' : section.kind === 'BAD' ? '不良' : ''}信息</Text>}
                {section.lines.map((line, index) => (
                  <View
                    key={`${line.kind}-${line.recordId ?? index}`}
                    className={`score-line${line.counted ? '' : ' score-line--uncounted'}`}
                    onClick={() => line.kind === ScoreLineKind.BAD_RECORD && line.recordId !== null && go(ROUTES.recordDetail, { kind: 'bad-record', id: line.recordId })}
                  >
                    <Text className="score-line__rule">{line.rule}</Text>
                    <Text className="score-line__points">{line.counted ? signedPoints(line.points) : '不计分'}</Text>
                  </View>
                ))}
              </Section>
            ))}
            <Section title="合计">
              {summaryLines(detail).map((line) => (
                <Text key={line.kind} className="score-line__rule">
                  {line.rule}
                </Text>
              ))}
              <InfoRows rows={[{ label: '计算时间', value: formatDateTime(detail.computedAt) }]} />
            </Section>
            <Popup visible={explaining} position="bottom" round closeable title="计分周期说明" onClose={() => setExplaining(false)}>
              <View className="sheet" id="score-explanation">
                {detail.explanation.map((text) => (
                  <Text key={text} className="sheet__paragraph">
                    {text}
                  </Text>
                ))}
              </View>
            </Popup>
          </>
        )}
      </LoadState>
    </View>
  );
}
