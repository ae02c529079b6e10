import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DecisionCategory, Page, VOTE_STATE_LABELS, VoteListItem, VoteMeetingCounter, VoteMeetingType, VoteState, VoteTopicCounter, VoteTopicListItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useListPage } from '../../../hooks/useListPage';
import { usePagedList } from '../../../hooks/usePagedList';
import { mayConvene } from '../../../logic/owner-decisions';
import { ROUTES } from '../../../routes';
import { useSession } from '../../../session';
import { Button } from '../../../ui/button';
import { go, intParam } from '../../../utils/navigation';
import { VoteCard } from '../VoteCard';
import { listVotes } from '../vote-reads';

const ALL = 'ALL';
const STATE_TABS = [{ value: ALL, label: '全部' }, ...Object.values(VoteState).map((value) => ({ value, label: VOTE_STATE_LABELS[value] }))];

const text = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
const oneOf = <T extends string>(values: Record<string, T>, value: string | undefined): T | undefined => (Object.values(values).includes(value as T) ? (value as T) : undefined);

/**
 * 业主投票: the votes of the account's reach by state (and of one area: ?propertyAreaId=&name=), or the
 * rows behind one number of 会议统计 / 表决议题统计 (?cells=meetings|topics&counter=&regionId=… with the table's filters).
 */
export default function OwnerDecisionVotes() {
  const { params } = useRouter();
  return params.cells === 'meetings' || params.cells === 'topics' ? <CellRows params={params} table={params.cells} /> : <StateList params={params} />;
}

function StateList({ params }: { params: Record<string, string | undefined> }) {
  const { me } = useSession();
  const propertyAreaId = intParam(params, 'propertyAreaId') ?? undefined;
  const [state, setState] = useState<string>(ALL);
  const list = usePagedList((page, pageSize) => listVotes(me!, { state: oneOf(VoteState, state), propertyAreaId, page, pageSize }), [state, propertyAreaId, me?.id], { enabled: me !== null });
  useListPage(list, { refreshOnReturn: true });
  return (
    <View className="page page--list" id="owner-decision-votes">
      {propertyAreaId !== undefined && <Text className="page__lead">{text(params.name)} · 业主投票</Text>}
      {me && mayConvene(me) && (
        <View className="actions actions--inline">
          <Button id="owner-vote-create" type="primary" onClick={() => go(ROUTES.ownerDecisionEdit, propertyAreaId !== undefined ? { propertyAreaId } : {})}>
            发起投票
          </Button>
        </View>
      )}
      <SegmentTabs id="owner-votes-state" tabs={STATE_TABS} value={state} onChange={setState} />
      <PagedListView list={list} id="owner-votes-list" emptyText="没有符合条件的投票" renderItem={(vote) => <VoteCard key={vote.id} vote={vote} id={`owner-vote-${vote.id}`} />} />
    </View>
  );
}

function CellRows({ params, table }: { params: Record<string, string | undefined>; table: 'meetings' | 'topics' }) {
  const filter = {
    districtId: intParam(params, 'districtId') ?? undefined,
    streetId: intParam(params, 'streetId') ?? undefined,
    communityId: intParam(params, 'communityId') ?? undefined,
    regionId: intParam(params, 'regionId') ?? undefined,
    year: intParam(params, 'year') ?? undefined,
  };
  const fetchPage = (page: number, pageSize: number): Promise<Page<VoteListItem | VoteTopicListItem>> =>
    table === 'meetings'
      ? api.ownerDecisions.meetingCells({ ...filter, meetingType: oneOf(VoteMeetingType, params.meetingType), counter: oneOf(VoteMeetingCounter, params.counter) ?? VoteMeetingCounter.MEETINGS, page, pageSize })
      : api.ownerDecisions.topicCells({ ...filter, category: oneOf(DecisionCategory, params.category), counter: oneOf(VoteTopicCounter, params.counter) ?? VoteTopicCounter.TOPICS, page, pageSize });
  const list = usePagedList(fetchPage, [table, params.counter]);
  useListPage(list);
  return (
    <View className="page page--list" id="owner-decision-cell-votes">
      <Text className="page__lead" id="owner-cell-title">
        {text(params.title)}
        {filter.year ? ` · ${filter.year}年` : ''}
      </Text>
      <PagedListView
        list={list}
        id="owner-cell-list"
        emptyText={table === 'topics' ? '没有符合条件的议题' : '没有符合条件的投票'}
        renderItem={(row) => <VoteCard key={'topicId' in row ? `t${row.topicId}` : row.id} vote={row} id={'topicId' in row ? `owner-cell-topic-${row.topicId}` : `owner-cell-vote-${row.id}`} />}
      />
    </View>
  );
}
