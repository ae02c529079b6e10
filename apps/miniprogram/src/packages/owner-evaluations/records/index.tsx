import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EVALUATION_TARGET_LABELS, EvaluationTarget } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useListPage } from '../../../hooks/useListPage';
import { usePagedList } from '../../../hooks/usePagedList';
import { intParam } from '../../../utils/navigation';
import { RecordCard } from '../RecordCard';

const STAR_TABS = [
  { value: '0', label: '全部' },
  ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n}星` })),
];

/** 评价明细 of a project, a company or a committee (?target=&propertyAreaId= | companyId=, ?year=&month=), filtered by stars. */
export default function OwnerEvaluationRecords() {
  const { params } = useRouter();
  const target = params.target === EvaluationTarget.COMMITTEE ? EvaluationTarget.COMMITTEE : EvaluationTarget.PROPERTY;
  const propertyAreaId = intParam(params, 'propertyAreaId') ?? undefined;
  const companyId = intParam(params, 'companyId') ?? undefined;
  const year = intParam(params, 'year') ?? undefined;
  const month = intParam(params, 'month') ?? undefined;
  const [stars, setStars] = useState('0');
  const list = usePagedList((page, pageSize) => api.ownerEvaluations.records({ target, propertyAreaId, companyId, year, month, stars: Number(stars) || undefined, page, pageSize }), [stars]);
  useListPage(list);
  const period = year ? `${year}年${month ? `${month}月` : '全年'}` : '本年';
  return (
    <View className="page page--list" id="owner-evaluation-records">
      <Text className="page__lead">
        {params.name ? decodeURIComponent(params.name) : ''} · {EVALUATION_TARGET_LABELS[target]}评价 · {period}
      </Text>
      <SegmentTabs id="owner-records-stars" tabs={STAR_TABS} value={stars} onChange={setStars} />
      <PagedListView list={list} id="owner-records-list" emptyText="没有符合条件的评价" renderItem={(r) => <RecordCard key={r.id} record={r} id={`owner-record-${r.id}`} />} />
    </View>
  );
}
