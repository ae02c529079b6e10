import { Text, View } from '@tarojs/components';
import { OwnerMe, VoteListItem } from '@szpm/contract';
import { ownerApi } from '../../../api/owner';
import { EmptyArt } from '../../../components/EmptyArt';
import { LoadState } from '../../../components/LoadState';
import { useListPage } from '../../../hooks/useListPage';
import { useLoader } from '../../../hooks/useLoader';
import { votePeriod, votesEmptyWords, voteStateTagType } from '../../../logic/owner-votes';
import { ROUTES } from '../../../routes';
import { Button } from '../../../ui/button';
import { Empty } from '../../../ui/empty';
import { Tag } from '../../../ui/tag';
import { go } from '../../../utils/navigation';
import { OwnerGate } from '../OwnerGate';
import '../owner.scss';

/** 业主投票: the published votes whose scope (the area, or listed buildings) holds one of the owner's bound houses, newest first. */
export default function OwnerVotes() {
  return <OwnerGate>{(owner) => <Votes owner={owner} />}</OwnerGate>;
}

function Votes({ owner }: { owner: OwnerMe }) {
  const loaded = useLoader(() => ownerApi.votes(), []);
  // one answer holds every vote (no pages): the list page's pull-down and return refresh reload it
  useListPage({ refresh: loaded.reload, loadMore: () => Promise.resolve() }, { refreshOnReturn: true });
  return (
    <View className="page page--list" id="my-votes">
      <LoadState loaded={loaded} id="my-votes-list" homeLink={false}>
        {(votes) => (votes.length === 0 ? <NoVotes owner={owner} /> : votes.map((vote) => <VoteRow key={vote.id} vote={vote} />))}
      </LoadState>
    </View>
  );
}

function NoVotes({ owner }: { owner: OwnerMe }) {
  const words = votesEmptyWords(owner.bindings);
  return (
    <View className="state-box" id="my-votes-empty">
      <Empty status="empty" image={<EmptyArt text="空" />} title={words.text} description={words.hint} />
      {owner.bindings.length === 0 && (
        <Button id="my-votes-bind" type="primary" onClick={() => go(ROUTES.ownerBind)}>
          业主身份绑定
        </Button>
      )}
    </View>
  );
}

function VoteRow({ vote }: { vote: VoteListItem }) {
  return (
    <View className="card" id={`my-votes-item-${vote.id}`} onClick={() => go(ROUTES.ownerVote, { id: vote.id })}>
      <View className="owner-vote__head">
        <Text className="case-card__title">{vote.title}</Text>
        <Tag type={voteStateTagType(vote.state)}>{vote.stateLabel}</Tag>
      </View>
      <Text className="muted">
        {vote.voteNo} · {vote.propertyAreaName} · {vote.scopeLabel}
      </Text>
      <Text className="muted">
        {votePeriod(vote)}
        {vote.delayed ? '（已延期）' : ''}
      </Text>
    </View>
  );
}
