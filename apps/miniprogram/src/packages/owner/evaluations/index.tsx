import { View } from '@tarojs/components';
import { ownerApi } from '../../../api/owner';
import { PagedListView } from '../../../components/PagedListView';
import { useListPage } from '../../../hooks/useListPage';
import { usePagedList } from '../../../hooks/usePagedList';
import { EvaluationCard } from '../EvaluationCard';
import { OwnerGate } from '../OwnerGate';

/** 我的评价: the owner's evaluations of every bound house, newest first, each with its reply. */
export default function OwnerEvaluations() {
  return <OwnerGate>{() => <Evaluations />}</OwnerGate>;
}

function Evaluations() {
  const list = usePagedList((page, pageSize) => ownerApi.myEvaluations({ page, pageSize }), []);
  useListPage(list, { refreshOnReturn: true });
  return (
    <View className="page page--list" id="owner-evaluations">
      <PagedListView list={list} id="owner-evaluations-list" emptyText="还没有评价" emptyHint="在我的小区选择房屋进行评价" renderItem={(e) => <EvaluationCard key={e.id} evaluation={e} id={`owner-evaluation-${e.id}`} />} />
    </View>
  );
}
