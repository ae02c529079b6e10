import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OwnerHouseBinding, OwnerMe, OwnerVoteView, VOTE_CHOICE_LABELS, VOTE_CONVENER_LABELS, VOTE_MEETING_TYPE_LABELS, VoteChoice } from '@szpm/contract';
import { useState } from 'react';
import { ownerApi } from '../../../api/owner';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldError, InfoRows, Section } from '../../../components/InfoRows';
import { VoteTopicCard } from '../../../components/VoteTopicCard';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { formatDateTime } from '../../../logic/format';
import {
  ballotClosedWords,
  ballotConfirmation,
  ballotOf,
  ballotRequest,
  ballotWords,
  ChoiceDrafts,
  choiceProblem,
  houseLabelOf,
  isTakingBallots,
  votableTopics,
  voteStateTagType,
} from '../../../logic/owner-votes';
import { actionFailureMessage } from '../../../logic/session-ended';
import { Button } from '../../../ui/button';
import { Tag } from '../../../ui/tag';
import { toast, toastSuccess } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { OwnerGate } from '../OwnerGate';
import '../owner.scss';

const CHOICES = [VoteChoice.AGREE, VoteChoice.DISAGREE, VoteChoice.ABSTAIN];

/**
 * One vote for the owner (?id=): what is put to the owners, a ballot per house in the scope while 正在表决
 * (同意 / 不同意 / 弃权 per topic, once: the api refuses a second), and each topic's result from 询异 on.
 */
export default function OwnerVote() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  return <OwnerGate>{(owner) => <VoteScreen owner={owner} id={id} />}</OwnerGate>;
}

function VoteScreen({ owner, id }: { owner: OwnerMe; id: number | null }) {
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('投票编号不正确')) : ownerApi.vote(id)), [id]);
  return (
    <View className="page" id="my-vote">
      <LoadState loaded={loaded} id="my-vote-detail" homeLink={false}>
        {(vote) => <VoteView vote={vote} bindings={owner.bindings} reload={loaded.reload} />}
      </LoadState>
    </View>
  );
}

function VoteView({ vote, bindings, reload }: { vote: OwnerVoteView; bindings: OwnerHouseBinding[]; reload: () => Promise<void> }) {
  const rows = [
    { label: '投票编号', value: vote.voteNo },
    { label: '小区', value: vote.propertyAreaName },
    { label: '召集人', value: VOTE_CONVENER_LABELS[vote.convener] },
    { label: '会议类型', value: VOTE_MEETING_TYPE_LABELS[vote.meetingType] },
    { label: '投票范围', value: vote.scopeLabel },
    { label: '开始时间', value: formatDateTime(vote.beginAt) },
    { label: '结束时间', value: formatDateTime(vote.endAt) },
  ];
  if (vote.delayed) {
    rows.push({ label: '原结束时间', value: formatDateTime(vote.oldEndAt) });
    rows.push({ label: '延期原因', value: vote.delayReason ?? '' });
  }
  const closed = ballotClosedWords(vote);
  return (
    <>
      <Section
        title={vote.title}
        id={`my-vote-${vote.id}-info`}
        extra={
          <View className="owner-vote__tags">
            {vote.delayed && <Tag type="warning">已延期</Tag>}
            <Tag type={voteStateTagType(vote.state)}>{vote.stateLabel}</Tag>
          </View>
        }
      >
        <InfoRows rows={rows} />
      </Section>
      <Section title="表决议题" id={`my-vote-${vote.id}-topics`}>
        {vote.topics.map((topic) => (
          <VoteTopicCard key={topic.id} topic={topic} id={`my-vote-topic-${topic.id}`} />
        ))}
      </Section>
      {closed && (
        <Text className="muted page__note" id={`my-vote-${vote.id}-closed`}>
          {closed}
        </Text>
      )}
      {vote.houses.map((house) => (
        <HouseBallot key={house.houseId} vote={vote} house={house} label={houseLabelOf(bindings, house.houseId)} reload={reload} />
      ))}
    </>
  );
}

type HouseBallots = OwnerVoteView['houses'][number];

/** One house's ballot: what it has chosen, and while voting a choice per topic it may still vote on, sent once. */
function HouseBallot({ vote, house, label, reload }: { vote: OwnerVoteView; house: HouseBallots; label: string; reload: () => Promise<void> }) {
  const confirmation = useConfirmDialog(`my-vote-${vote.id}-house-${house.houseId}-confirm`);
  const [drafts, setDrafts] = useState<ChoiceDrafts>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = isTakingBallots(vote) ? votableTopics(vote.topics, house) : [];
  const choose = (topicId: number, choice: VoteChoice) => {
    setDrafts((d) => ({ ...d, [topicId]: choice }));
    setProblem(null);
  };

  const submit = async () => {
    const found = choiceProblem(vote.topics, house, drafts);
    setProblem(found);
    if (found) return;
    const request = ballotRequest(vote.topics, house, drafts);
    if (!(await confirmation.ask(ballotConfirmation(vote.topics, house, label, request)))) return;
    setBusy(true);
    try {
      await ownerApi.castBallot(vote.id, request);
      toastSuccess('投票成功');
      setDrafts({});
      await reload();
    } catch (error) {
      const message = actionFailureMessage(error);
      setProblem(message);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={`我的表决 · ${label}`} id={`my-vote-${vote.id}-house-${house.houseId}`}>
      {vote.topics.map((topic) => {
        const ballot = ballotOf(house, topic.id);
        const votable = open.some((t) => t.id === topic.id);
        if (!ballot && !votable) return null;
        return (
          <View className="owner-topic" key={topic.id} id={`my-vote-${vote.id}-house-${house.houseId}-topic-${topic.id}`}>
            <Text className="owner-item__name">议题{topic.seq}</Text>
            {ballot && (
              <Text className="muted" id={`my-vote-${vote.id}-house-${house.houseId}-topic-${topic.id}-ballot`}>
                已投：{ballotWords(ballot)}
              </Text>
            )}
            {ballot && votable && <Text className="muted">已录入纸质选票，仍可电子投票：电子投票优先，将替换纸质选票</Text>}
            {votable && (
              <View className="owner-reasons">
                {CHOICES.map((choice) => (
                  <Text
                    key={choice}
                    id={`my-vote-${vote.id}-house-${house.houseId}-topic-${topic.id}-${choice}`}
                    className={`owner-reason${drafts[topic.id] === choice ? ' owner-reason--on' : ''}`}
                    onClick={() => choose(topic.id, choice)}
                  >
                    {VOTE_CHOICE_LABELS[choice]}
                  </Text>
                ))}
              </View>
            )}
          </View>
        );
      })}
      {house.ballots.length === 0 && open.length === 0 && <Text className="muted">未投票</Text>}
      <View id={`my-vote-${vote.id}-house-${house.houseId}-error`}>
        <FieldError message={problem ?? undefined} />
      </View>
      {open.length > 0 && (
        <>
          <Text className="muted">每户每个议题只能投票一次，提交后不能修改。</Text>
          <Button id={`my-vote-${vote.id}-house-${house.houseId}-submit`} type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
            提交投票
          </Button>
        </>
      )}
      {confirmation.dialog}
    </Section>
  );
}
