import Taro, { useRouter } from '@tarojs/taro';
import { useListPage } from '../../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { EVALUATION_SUBJECT_TYPE_LABELS, EvaluationSubjectType, cycleLabel } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { SearchBox } from '../../../components/SearchBox';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { usePagedList } from '../../../hooks/usePagedList';
import { ROUTES } from '../../../routes';
import { go } from '../../../utils/navigation';

/** 物业企业 / 项目负责人 基础信息: the current cycle's scores, highest or lowest first. */
export default function Scores() {
  const { params } = useRouter();
  const subjectType = params.subjectType === EvaluationSubjectType.PROJECT_MANAGER ? EvaluationSubjectType.PROJECT_MANAGER : EvaluationSubjectType.COMPANY;
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const list = usePagedList((page, pageSize) => api.evaluation.scores({ subjectType, search: search || undefined, order, page, pageSize }), [subjectType, search, order]);
  useEffect(() => void Taro.setNavigationBarTitle({ title: `${EVALUATION_SUBJECT_TYPE_LABELS[subjectType]} · 基础信息` }), [subjectType]);
  useListPage(list);

  return (
    <View className="page page--list" id="scores">
      <SearchBox id="scores-search" placeholder={`${EVALUATION_SUBJECT_TYPE_LABELS[subjectType]}名称`} onSearch={setSearch} />
      <SegmentTabs
        id="scores-order"
        tabs={[
          { value: 'desc', label: '总分从高到低' },
          { value: 'asc', label: '总分从低到高' },
        ]}
        value={order}
        onChange={setOrder}
      />
      <PagedListView
        list={list}
        id="scores-list"
        emptyText={search ? `没有名称包含“${search}”的${EVALUATION_SUBJECT_TYPE_LABELS[subjectType]}` : '暂无得分信息'}
        emptyHint={search ? '换个名称再搜索' : '评价对象的得分在计分周期内按认定的信息自动计算'}
        renderItem={(item) => (
          <View key={item.subjectId} className="card score-card" id={`score-${item.subjectId}`} onClick={() => go(ROUTES.scoreDetail, { subjectType, subjectId: item.subjectId, cycle: item.cycleKey })}>
            <View className="score-card__main">
              <Text className="case-card__title">{item.subjectName}</Text>
              <Text className="muted">
                基础 {item.basicScore} · 良好 +{item.goodScore} · 不良 -{Math.abs(item.badScore)}
              </Text>
              <Text className="muted">
                不良信息 {item.badRecordCount} 条 · 良好信息 {item.goodRecordCount} 条 · 计分周期 {cycleLabel(item.cycleKey)}
              </Text>
            </View>
            <View className="score-card__total">
              <Text className="score-card__points">{item.total}</Text>
              <Text className="score-card__grade">{item.grade}</Text>
            </View>
          </View>
        )}
      />
    </View>
  );
}
