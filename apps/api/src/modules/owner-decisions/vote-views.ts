import { DECISION_CATEGORY_LABELS, VOTE_SCOPE_LABELS, VOTE_STATE_LABELS, VoteDetail, VoteListItem, VoteRatioView, VoteState, VoteTopicView } from '@szpm/contract';
import { OwnerVote, OwnerVoteTopic } from './entities';
import { categoryThreshold, exactRatio } from './vote-tally';

const RESULT_STATES: ReadonlySet<VoteState> = new Set([VoteState.PUBLICITY, VoteState.COMPLETED]);

export function voteListItem(vote: OwnerVote, propertyAreaName: string): VoteListItem {
  return {
    id: vote.id,
    voteNo: vote.voteNo,
    propertyAreaId: vote.propertyAreaId,
    propertyAreaName,
    title: vote.title,
    scope: vote.scope,
    scopeLabel: VOTE_SCOPE_LABELS[vote.scope],
    buildingIds: vote.buildingIds,
    beginAt: vote.beginAt.toISOString(),
    endAt: vote.endAt.toISOString(),
    state: vote.state,
    stateLabel: VOTE_STATE_LABELS[vote.state],
    meetingType: vote.meetingType,
    convener: vote.convener,
    delayed: vote.delayed,
  };
}

function ratio(numerator: bigint, denominator: bigint): VoteRatioView {
  const r = exactRatio(numerator, denominator);
  return { numerator: r.numerator.toString(), denominator: r.denominator.toString(), fraction: r.fraction, percent: r.percent };
}

/** A topic with, from 询异 on, the stored result and its exact ratios (the same pairs the tally compared). */
export function topicView(vote: OwnerVote, topic: OwnerVoteTopic): VoteTopicView {
  const counted = RESULT_STATES.has(vote.state) && topic.quorumReached !== null && vote.totalAreaHundredths !== null && vote.totalPersons !== null;
  const participatingArea = BigInt(topic.participatingAreaHundredths ?? '0');
  const agreeArea = BigInt(topic.agreeAreaHundredths ?? '0');
  const participatingPersons = topic.participatingPersons ?? 0;
  const agreePersons = topic.agreePersons ?? 0;
  return {
    id: topic.id,
    seq: topic.seq,
    content: topic.content,
    category: topic.category,
    categoryLabel: DECISION_CATEGORY_LABELS[topic.category],
    result: counted
      ? {
          quorumReached: topic.quorumReached!,
          passed: topic.passed!,
          participatingAreaHundredths: participatingArea.toString(),
          participatingPersons,
          agreeAreaHundredths: agreeArea.toString(),
          agreePersons,
          participationArea: ratio(participatingArea, BigInt(vote.totalAreaHundredths!)),
          participationPersons: ratio(BigInt(participatingPersons), BigInt(vote.totalPersons!)),
          agreeArea: ratio(agreeArea, participatingArea),
          agreePersonsRatio: ratio(BigInt(agreePersons), BigInt(participatingPersons)),
          passThresholdLabel: categoryThreshold(topic.category).label,
        }
      : null,
  };
}

export function voteDetail(vote: OwnerVote, propertyAreaName: string, topics: OwnerVoteTopic[]): VoteDetail {
  return {
    ...voteListItem(vote, propertyAreaName),
    delayReason: vote.delayReason,
    oldEndAt: vote.oldEndAt?.toISOString() ?? null,
    checkNote: vote.checkNote,
    checkedAt: vote.checkedAt?.toISOString() ?? null,
    totalAreaHundredths: vote.totalAreaHundredths,
    totalPersons: vote.totalPersons,
    topics: [...topics].sort((a, b) => a.seq - b.seq).map((t) => topicView(vote, t)),
  };
}
