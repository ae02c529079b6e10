import { BallotSource, DecisionCategory, OwnerHouseBinding, OwnerVoteView, VoteChoice, VoteState, VoteTopicResultView, VoteTopicView } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  ballotClosedWords,
  ballotConfirmation,
  ballotRequest,
  ballotWords,
  choiceProblem,
  houseLabelOf,
  isTakingBallots,
  mayVote,
  ratioWords,
  resultRows,
  resultVerdict,
  votableTopics,
  votesEmptyWords,
} from '../../src/logic/owner-votes';

const topic = (id: number, seq: number): VoteTopicView => ({ id, seq, content: `议题内容${seq}`, category: DecisionCategory.OTHER, categoryLabel: '其他重大事项', result: null });
const topics = [topic(11, 1), topic(12, 2), topic(13, 3)];

type House = OwnerVoteView['houses'][number];
const house = (ballots: House['ballots'] = []): House => ({ houseId: 7, ballots });
const paper = (topicId: number, choice = VoteChoice.DISAGREE) => ({ topicId, choice, source: BallotSource.PAPER });
const electronic = (topicId: number, choice = VoteChoice.AGREE) => ({ topicId, choice, source: BallotSource.ELECTRONIC });

const binding = (houseId: number): OwnerHouseBinding => ({
  bindingId: 1,
  houseId,
  houseLabel: '1栋2单元301',
  floorArea: 88.5,
  propertyAreaId: 3,
  propertyAreaName: '园岭花园',
  hasCommittee: true,
  ownerName: '李*',
  idNumberMasked: '4403**********1234',
  boundAt: '2026-01-01T00:00:00.000Z',
});

describe('业主投票 list', () => {
  it('says why nothing is listed: no bound house, or no vote in the houses’ scope', () => {
    expect(votesEmptyWords([]).text).toBe('您还没有绑定房屋');
    expect(votesEmptyWords([binding(7)]).text).toBe('暂无投票');
  });
});

describe('when ballots are taken', () => {
  const end = '2026-12-03T10:00:00.000Z';
  const now = new Date(end).getTime();
  it('takes ballots while voting and before the end only', () => {
    expect(isTakingBallots({ state: VoteState.VOTING, endAt: end }, now - 1)).toBe(true);
    expect(isTakingBallots({ state: VoteState.VOTING, endAt: end }, now)).toBe(false);
    expect(isTakingBallots({ state: VoteState.PUBLISHED, endAt: end }, now - 1000)).toBe(false);
    expect(isTakingBallots({ state: VoteState.PUBLICITY, endAt: end }, now - 1000)).toBe(false);
  });

  it('tells the owner why a ballot cannot be cast', () => {
    const vote = { beginAt: '2026-12-03T01:30:00.000Z', endAt: end };
    expect(ballotClosedWords({ ...vote, state: VoteState.VOTING }, now - 1)).toBeNull();
    expect(ballotClosedWords({ ...vote, state: VoteState.PUBLISHED }, now - 1)).toBe('投票尚未开始，将于 2026-12-03 09:30 开始表决');
    expect(ballotClosedWords({ ...vote, state: VoteState.VOTING }, now)).toContain('正在计票');
    expect(ballotClosedWords({ ...vote, state: VoteState.COMPLETED }, now)).toBe('表决期已结束');
  });
});

describe('a house’s ballot', () => {
  it('may vote on a topic without a ballot or with a paper one, not on one voted electronically', () => {
    const h = house([electronic(11), paper(12)]);
    expect(mayVote(h, 11)).toBe(false);
    expect(mayVote(h, 12)).toBe(true);
    expect(mayVote(h, 13)).toBe(true);
    expect(votableTopics(topics, h).map((t) => t.id)).toEqual([12, 13]);
    expect(votableTopics(topics, house([electronic(11), electronic(12), electronic(13)]))).toEqual([]);
  });

  it('needs a choice on every topic without a ballot; a paper-voted topic may be left', () => {
    expect(choiceProblem(topics, house(), { 11: VoteChoice.AGREE, 12: VoteChoice.ABSTAIN })).toBe('请为每个议题选择同意、不同意或弃权');
    expect(choiceProblem(topics, house(), { 11: VoteChoice.AGREE, 12: VoteChoice.ABSTAIN, 13: VoteChoice.DISAGREE })).toBeNull();
    const paperOnAll = house([paper(11), paper(12), paper(13)]);
    expect(choiceProblem(topics, paperOnAll, {})).toBe('请选择表决意见');
    expect(choiceProblem(topics, paperOnAll, { 12: VoteChoice.AGREE })).toBeNull();
  });

  it('sends the chosen topics it may still vote on, in the vote’s order, never one voted electronically', () => {
    const h = house([electronic(11), paper(12)]);
    // a stale choice on the topic voted electronically meanwhile is dropped, not sent to be refused
    expect(ballotRequest(topics, h, { 13: VoteChoice.DISAGREE, 11: VoteChoice.ABSTAIN, 12: VoteChoice.AGREE })).toEqual({
      houseId: 7,
      choices: [
        { topicId: 12, choice: VoteChoice.AGREE },
        { topicId: 13, choice: VoteChoice.DISAGREE },
      ],
    });
    expect(ballotRequest(topics, h, { 13: VoteChoice.ABSTAIN }).choices).toEqual([{ topicId: 13, choice: VoteChoice.ABSTAIN }]);
    expect(() => ballotRequest(topics, h, { 12: VoteChoice.AGREE })).toThrow('请为每个议题选择同意、不同意或弃权');
  });

  it('confirms what is chosen per topic, that a paper ballot is replaced and that it cannot be changed', () => {
    const h = house([paper(12)]);
    const request = ballotRequest(topics, h, { 11: VoteChoice.AGREE, 12: VoteChoice.AGREE, 13: VoteChoice.ABSTAIN });
    const words = ballotConfirmation(topics, h, '园岭花园 1栋2单元301', request);
    expect(words.content).toBe('园岭花园 1栋2单元301：议题1 同意；议题2 同意（替换纸质选票）；议题3 弃权。投票提交后不能修改。');
    expect(words.confirmText).toBe('确认投票');
  });

  it('reads a recorded ballot with its source', () => {
    expect(ballotWords(electronic(11))).toBe('同意（电子投票）');
    expect(ballotWords(paper(11, VoteChoice.ABSTAIN))).toBe('弃权（纸质选票）');
  });

  it('names the house as the bindings do', () => {
    expect(houseLabelOf([binding(7)], 7)).toBe('园岭花园 1栋2单元301');
    expect(houseLabelOf([binding(7)], 8)).toBe('房屋 8');
  });
});

describe('a topic’s result', () => {
  const ratio = (numerator: string, denominator: string, fraction: string, percent: number) => ({ numerator, denominator, fraction, percent });
  const result: VoteTopicResultView = {
    quorumReached: true,
    passed: true,
    participatingAreaHundredths: '1770005',
    participatingPersons: 2,
    agreeAreaHundredths: '885000',
    agreePersons: 1,
    participationArea: ratio('1770005', '2655005', '354001/531001', 66.67),
    participationPersons: ratio('2', '3', '2/3', 66.67),
    agreeArea: ratio('885000', '1770005', '177000/354001', 50),
    agreePersonsRatio: ratio('1', '2', '1/2', 50),
    passThresholdLabel: '参与表决专有部分面积过半数且参与表决人数过半数同意',
  };

  it('is 通过 or 未通过', () => {
    expect(resultVerdict(result)).toBe('通过');
    expect(resultVerdict({ ...result, passed: false })).toBe('未通过');
  });

  it('shows each share with two decimals and its exact fraction', () => {
    expect(ratioWords(ratio('2', '3', '2/3', 66.67))).toBe('66.67%（2/3）');
    expect(ratioWords(ratio('0', '3', '0/1', 0))).toBe('0.00%（0/1）');
  });

  it('lists participation and agreement by area and persons, and the threshold', () => {
    expect(resultRows(result)).toEqual([
      { label: '参与（面积）', value: '17700.05㎡ · 66.67%（354001/531001）' },
      { label: '参与（人数）', value: '2 人 · 66.67%（2/3）' },
      { label: '同意（面积）', value: '8850.00㎡ · 50.00%（177000/354001）' },
      { label: '同意（人数）', value: '1 人 · 50.00%（1/2）' },
      { label: '通过门槛', value: '参与表决专有部分面积过半数且参与表决人数过半数同意' },
    ]);
  });
});
