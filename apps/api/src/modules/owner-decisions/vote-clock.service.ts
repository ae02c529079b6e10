import { Inject, Injectable, Logger } from '@nestjs/common';
import { VoteState } from '@szpm/contract';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { JobQueue } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from './entities';
import { dueStep, nextStepAt } from './vote-rules';
import { meetingParticipationBp, tallyTopic, TopicTally, topicResultColumns } from './vote-tally';
import { VoteUnitsService } from './vote-units.service';

/** The longest delay handed to the queue; a later step is found by the sweep. */
const MAX_DELAY_MS = 24 * 24 * 3600_000;

/** The delayed job of one vote's step: one per vote, state and due instant (an extension makes a new one; the old one finds nothing due). */
export const voteStepJobId = (voteId: number, state: VoteState, at: Date) => `owner-decisions.vote-${voteId}-${state}-${at.getTime()}`;

/**
 * The timed steps of a vote: 已发布 → 正在表决 at the begin (the scope's 总面积 / 总人数 frozen),
 * 正在表决 → 询异 at the end (every topic tallied), 询异 → 已完成 after the publicity period. Each is a
 * delayed job, with the sweep behind it; every step is a conditional update, so a job and the sweep
 * (or two workers) moving the same vote move it once.
 */
@Injectable()
export class VoteClockService {
  private readonly logger = new Logger('OwnerVoteClock');
  /** 询异 length in days (OWNER_DECISION_PUBLICITY_DAYS) */
  private readonly publicityDays: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly units: VoteUnitsService,
  ) {
    this.publicityDays = config.ownerDecisions.publicityDays;
  }

  /** Queues the vote's next step, if it has one. */
  async schedule(vote: OwnerVote): Promise<void> {
    const at = nextStepAt(vote, this.publicityDays);
    if (at === null) return;
    const delayMs = Math.min(MAX_DELAY_MS, Math.max(0, at.getTime() - Date.now()));
    await this.queue.add(JOBS.ownerVoteStep, { voteId: vote.id }, { jobId: voteStepJobId(vote.id, vote.state, at), delayMs, attempts: 5 });
  }

  /** Moves the vote through every step due now; answers the state it ends in. */
  async step(voteId: number, now = new Date()): Promise<VoteState | null> {
    for (;;) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a job loading the vote it carries the id of
      const vote = await this.dataSource.getRepository(OwnerVote).findOne({ where: { id: voteId } });
      if (!vote) return null;
      const next = dueStep(vote, now, this.publicityDays);
      if (next === null) {
        // a job that came too early (a delay capped at MAX_DELAY_MS) queues the next one
        await this.schedule(vote);
        return vote.state;
      }
      if (next === VoteState.VOTING) await this.openVoting(vote);
      else if (next === VoteState.PUBLICITY) await this.closeVoting(vote, now);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the step of a vote loaded by id above
      else await this.dataSource.getRepository(OwnerVote).update({ id: vote.id, state: VoteState.PUBLICITY }, { state: VoteState.COMPLETED });
    }
  }

  /** Every vote with a step due: the votes whose delayed job was lost or lay beyond the longest delay. */
  async sweep(now = new Date()): Promise<number> {
    const publicityStart = new Date(now.getTime() - this.publicityDays * 24 * 3600_000);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep of the job processor, across every district; it reads ids only
    const due = await this.dataSource.getRepository(OwnerVote).find({
      select: { id: true },
      where: [
        { state: VoteState.PUBLISHED, beginAt: LessThanOrEqual(now) },
        { state: VoteState.VOTING, endAt: LessThanOrEqual(now) },
        { state: VoteState.PUBLICITY, publicityAt: LessThanOrEqual(publicityStart) },
      ],
      order: { id: 'ASC' },
      take: 500,
    });
    for (const { id } of due) await this.step(id, now);
    return due.length;
  }

  /** Voting opens: the scope's 总面积 and 总人数 are frozen (the tally at the end counts against the same units). */
  private async openVoting(vote: OwnerVote): Promise<void> {
    const scope = await this.units.scope(this.dataSource.manager, vote);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the step of a vote loaded by id
    const moved = await this.dataSource.getRepository(OwnerVote).update(
      { id: vote.id, state: VoteState.PUBLISHED },
      { state: VoteState.VOTING, totalAreaHundredths: scope.totalArea.toString(), totalPersons: scope.totalPersons },
    );
    if (moved.affected) {
      this.logger.log(`vote ${vote.voteNo}: voting opens`);
      await this.schedule({ ...vote, state: VoteState.VOTING });
    }
  }

  /**
   * Voting ends: each topic is tallied over the scope's units with its ballots (one per house: the
   * unique index and the electronic-prevails write keep it so) and the result stored, in one
   * transaction with the move to 询异, which only a vote still voting and past its (possibly extended) end makes.
   */
  private async closeVoting(vote: OwnerVote, now: Date): Promise<void> {
    const closed = await this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the step of a vote loaded by id: claims it before counting
      const claimed = await manager.update(OwnerVote, { id: vote.id, state: VoteState.VOTING, endAt: LessThanOrEqual(now) }, { state: VoteState.PUBLICITY, publicityAt: now });
      if (!claimed.affected) return false;
      const scope = await this.units.scope(manager, vote);
      const topics = await manager.find(OwnerVoteTopic, { where: { voteId: vote.id }, order: { seq: 'ASC' } });
      const ballots = topics.length ? await manager.find(OwnerVoteBallot, { where: { topicId: In(topics.map((t) => t.id)) }, select: { topicId: true, houseId: true, choice: true } }) : [];
      const tallies: TopicTally[] = [];
      for (const topic of topics) {
        const tally = tallyTopic(
          scope,
          topic.category,
          ballots.filter((b) => b.topicId === topic.id && scope.positionOf.has(b.houseId)),
        );
        await manager.update(OwnerVoteTopic, { id: topic.id }, topicResultColumns(tally));
        tallies.push(tally);
      }
      const participation = meetingParticipationBp(tallies, scope);
      // the base of the ratios is the scope as counted now (a house registered during voting counts too)
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the vote claimed above
      await manager.update(OwnerVote, { id: vote.id }, {
        totalAreaHundredths: scope.totalArea.toString(),
        totalPersons: scope.totalPersons,
        participationAreaBp: participation.areaBp,
        participationPersonsBp: participation.personsBp,
      });
      return true;
    });
    if (closed) {
      this.logger.log(`vote ${vote.voteNo}: voting ends, topics tallied`);
      await this.schedule({ ...vote, state: VoteState.PUBLICITY, publicityAt: now });
    }
  }
}
