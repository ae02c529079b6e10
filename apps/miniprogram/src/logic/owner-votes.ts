import {
  BALLOT_SOURCE_LABELS,
  BallotSource,
  CastBallotRequest,
  OwnerHouseBinding,
  OwnerVoteView,
  VOTE_CHOICE_LABELS,
  VoteChoice,
  VoteRatioView,
  VoteState,
  VoteTopicResultView,
  VoteTopicView,
} from '@szpm/contract';
import { ConfirmWords } from './confirm';
import { formatDateTime } from './format';
import { areaText } from './owner-decisions';

type HouseBallots = OwnerVoteView['houses'][number];
type Ballot = HouseBallots['ballots'][number];

/** The owner's choices on the form of one house, by topic id (a topic not tapped yet is absent). */
export type ChoiceDrafts = Record<number, VoteChoice | undefined>;

/** Why 业主投票 lists nothing: no bound house yet, or no vote in the scope of the bound houses. */
export function votesEmptyWords(bindings: OwnerHouseBinding[]): { text: string; hint: string } {
  return bindings.length === 0
    ? { text: '您还没有绑定房屋', hint: '完成业主身份绑定后，可参加房屋所在小区（或楼栋）的业主投票' }
    : { text: '暂无投票', hint: '您绑定的房屋所在小区（或楼栋）还没有发布投票' };
}

/** 起止时间 as the lists show it. */
export function votePeriod(vote: { beginAt: string; endAt: string }): string {
  return `${formatDateTime(vote.beginAt)} 至 ${formatDateTime(vote.endAt)}`;
}

/** Ballots are taken while 正在表决 and before the (possibly extended) end. */
export function isTakingBallots(vote: Pick<OwnerVoteView, 'state' | 'endAt'>, now: number = Date.now()): boolean {
  return vote.state === VoteState.VOTING && now < new Date(vote.endAt).getTime();
}

/** What the vote's state means for the owner's ballot, when it is not being taken (null while it is). */
export function ballotClosedWords(vote: Pick<OwnerVoteView, 'state' | 'beginAt' | 'endAt'>, now: number = Date.now()): string | null {
  if (isTakingBallots(vote, now)) return null;
  if (vote.state === VoteState.PUBLISHED) return `投票尚未开始，将于 ${formatDateTime(vote.beginAt)} 开始表决`;
  if (vote.state === VoteState.VOTING) return '表决期已结束，正在计票，表决结果稍后公布';
  return '表决期已结束';
}

/** The house's ballot on the topic, if any. */
export function ballotOf(house: HouseBallots, topicId: number): Ballot | null {
  return house.ballots.find((b) => b.topicId === topicId) ?? null;
}

/** A topic the house may still vote on electronically: none yet, or a paper ballot (the electronic vote replaces it). */
export function mayVote(house: HouseBallots, topicId: number): boolean {
  const ballot = ballotOf(house, topicId);
  return ballot === null || ballot.source === BallotSource.PAPER;
}

/** The topics of the vote the house may still vote on, in the vote's order. */
export function votableTopics(topics: VoteTopicView[], house: HouseBallots): VoteTopicView[] {
  return topics.filter((t) => mayVote(house, t.id));
}

/** 同意（电子投票） as the owner reads a recorded ballot. */
export function ballotWords(ballot: Ballot): string {
  return `${VOTE_CHOICE_LABELS[ballot.choice]}（${BALLOT_SOURCE_LABELS[ballot.source]}）`;
}

/**
 * What is missing before the house's ballot can be sent: every topic without a ballot needs a choice;
 * a topic voted on paper may be left as it is (choosing there replaces the paper ballot).
 */
export function choiceProblem(topics: VoteTopicView[], house: HouseBallots, drafts: ChoiceDrafts): string | null {
  const open = votableTopics(topics, house);
  if (open.some((t) => ballotOf(house, t.id) === null && !drafts[t.id])) return '请为每个议题选择同意、不同意或弃权';
  if (!open.some((t) => drafts[t.id])) return '请选择表决意见';
  return null;
}

/** The body of POST /owner/votes/:id/ballots: the chosen topics the house may still vote on, in the vote's order. */
export function ballotRequest(topics: VoteTopicView[], house: HouseBallots, drafts: ChoiceDrafts): CastBallotRequest {
  const problem = choiceProblem(topics, house, drafts);
  if (problem) throw new Error(problem);
  return {
    houseId: house.houseId,
    choices: votableTopics(topics, house).flatMap((t) => {
      const choice = drafts[t.id];
      return choice ? [{ topicId: t.id, choice }] : [];
    }),
  };
}

/** The confirmation before the ballot is sent: what is chosen per topic, and that it cannot be changed. */
export function ballotConfirmation(topics: VoteTopicView[], house: HouseBallots, houseLabel: string, request: CastBallotRequest): ConfirmWords {
  const lines = request.choices.map(({ topicId, choice }) => {
    const topic = topics.find((t) => t.id === topicId);
    const paper = ballotOf(house, topicId)?.source === BallotSource.PAPER;
    return `议题${topic?.seq ?? ''} ${VOTE_CHOICE_LABELS[choice]}${paper ? '（替换纸质选票）' : ''}`;
  });
  return { title: '确认投票', content: `${houseLabel}：${lines.join('；')}。投票提交后不能修改。`, confirmText: '确认投票' };
}

/** 通过 / 未通过 of a counted topic. */
export function resultVerdict(result: VoteTopicResultView): string {
  return result.passed ? '通过' : '未通过';
}

/** A share with its exact fraction: 66.67%（2/3）. */
export function ratioWords(ratio: VoteRatioView): string {
  return `${ratio.percent.toFixed(2)}%（${ratio.fraction}）`;
}

/** The rows of a counted topic: participation and agreement by area and by persons, and the threshold it was held to. */
export function resultRows(result: VoteTopicResultView): Array<{ label: string; value: string }> {
  return [
    { label: '参与（面积）', value: `${areaText(result.participatingAreaHundredths)} · ${ratioWords(result.participationArea)}` },
    { label: '参与（人数）', value: `${result.participatingPersons} 人 · ${ratioWords(result.participationPersons)}` },
    { label: '同意（面积）', value: `${areaText(result.agreeAreaHundredths)} · ${ratioWords(result.agreeArea)}` },
    { label: '同意（人数）', value: `${result.agreePersons} 人 · ${ratioWords(result.agreePersonsRatio)}` },
    { label: '通过门槛', value: result.passThresholdLabel },
  ];
}

/** The owner's house as the bindings name it (a house in the scope is always a bound one; the id stands in otherwise). */
export function houseLabelOf(bindings: OwnerHouseBinding[], houseId: number): string {
  const binding = bindings.find((b) => b.houseId === houseId);
  return binding ? `${binding.propertyAreaName} ${binding.houseLabel}` : `房屋 ${houseId}`;
}

/** The state tag's colour: 正在表决 stands out, 询异 asks for attention, 已完成 is settled. */
export function voteStateTagType(state: VoteState): 'primary' | 'warning' | 'success' | 'default' {
  if (state === VoteState.VOTING) return 'primary';
  if (state === VoteState.PUBLICITY) return 'warning';
  if (state === VoteState.COMPLETED) return 'success';
  return 'default';
}
