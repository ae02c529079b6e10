import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AccountStatus, CampaignKind, DISPUTE_STATUS_LABELS, MESSAGE_LINKS, NotificationErrorCode, Role, WorkflowStatus } from '@szpm/contract';
import { DataSource, In } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { shanghaiDate, startOfShanghaiDay } from '../../common/http/shanghai-time';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { RemindersService } from '../notifications/reminders/reminders.service';
import { DisputeCase } from './entities/dispute-case.entity';
import { addWorkingDays, previousWorkingDay } from './working-days';

/** The two reminders of a deadline: one working day before, and on the day. */
export type DeadlineStage = 'BEFORE' | 'DUE';

/** The reminder due on `today` for a case with this deadline, and whether it was already sent for it. */
export function dueStage(row: Pick<DisputeCase, 'deadline' | 'closed' | 'remindedBeforeFor' | 'remindedDueFor'>, today: string): DeadlineStage | null {
  if (row.closed) return null;
  if (row.deadline === today) return row.remindedDueFor === row.deadline ? null : 'DUE';
  if (previousWorkingDay(row.deadline) === today && row.deadline > today) return row.remindedBeforeFor === row.deadline ? null : 'BEFORE';
  return null;
}

/** Whoever holds a case in its status: the street office while it is with the street, else the district's entry or review officers. */
export function holderRoles(status: WorkflowStatus): { street: boolean; roles: Role[] } {
  if (status === WorkflowStatus.STREET_HANDLING) return { street: true, roles: [Role.STREET_OFFICER] };
  if (status === WorkflowStatus.REVIEW) return { street: false, roles: [Role.DISTRICT_SUPERVISOR, Role.DISTRICT_LEAD] };
  return { street: false, roles: [Role.DISTRICT_HANDLER, Role.DISTRICT_SUPERVISOR] };
}

/** The longest delay handed to the queue; later reminders are found by the sweep. */
const MAX_DELAY_MS = 24 * 24 * 3600_000;

/**
 * 办理时限: a case's holder is reminded one working day before its deadline and on the day, at the
 * reminder hour. Each reminder is a delayed job with a deterministic id (case, stage, deadline), and
 * the sweep finds from the database whatever no job reached (a restart, a deadline beyond the
 * longest delay); the deadline each reminder was sent for is kept on the case, so a job and the
 * sweep never remind twice and a changed deadline re-arms both. Also the 转办 notice to the street.
 */
@Injectable()
export class DisputeDeadlines implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('DisputeDeadlines');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.handle(JOBS.disputeDeadlineReminder, async (data) => {
      const id = Number(data.disputeId);
      if (!Number.isInteger(id) || id < 1) throw new PermanentJobError(`bad disputeId ${String(data.disputeId)}`);
      await this.remindIfDue(id);
    });
    this.queue.handle(JOBS.disputeDeadlineSweep, async () => void (await this.sweep()), 1);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(JOBS.disputeDeadlineSweep);
    await this.queue.requeue(JOBS.disputeDeadlineSweep, {}, { jobId: 'disputes.deadline-sweep:start', attempts: 1 });
  }

  /** The instant the reminder of a day goes out. */
  reminderTime(day: string): Date {
    return new Date(startOfShanghaiDay(day).getTime() + this.config.disputes.reminderHour * 3600_000);
  }

  /** Schedules both reminders of a deadline (called when a case is entered and when its deadline changes). */
  async arm(disputeId: number, deadline: string): Promise<void> {
    const stages: Array<[DeadlineStage, string]> = [
      ['BEFORE', previousWorkingDay(deadline)],
      ['DUE', deadline],
    ];
    for (const [stage, day] of stages) {
      const at = this.reminderTime(day).getTime();
      if (at < Date.now() - 24 * 3600_000 || at - Date.now() > MAX_DELAY_MS) continue;
      await this.queue.add(JOBS.disputeDeadlineReminder, { disputeId }, { jobId: `disputes.deadline-${disputeId}-${stage}-${deadline}`, delayMs: Math.max(0, at - Date.now()), attempts: 5 });
    }
  }

  /** Sends the reminder due now, if any; true when one went out. */
  async remindIfDue(disputeId: number, now = new Date()): Promise<boolean> {
    const today = shanghaiDate(now);
    if (now < this.reminderTime(today)) return false;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a job loading the case its id names; nothing is shown to anyone
    const row = await this.dataSource.getRepository(DisputeCase).findOne({ where: { id: disputeId } });
    if (!row) return false;
    const stage = dueStage(row, today);
    if (!stage) return false;
    // claim the reminder first: a job and the sweep at once send it once
    const column = stage === 'BEFORE' ? 'remindedBeforeFor' : 'remindedDueFor';
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the conditional claim of the reminder of the case loaded above
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(DisputeCase)
      .set({ [column]: row.deadline })
      .where(`id = :id AND closed = :open AND deadline = :deadline AND (${column} IS NULL OR ${column} <> :deadline)`, { id: row.id, open: false, deadline: row.deadline })
      .execute();
    if (claimed.affected !== 1) return false;
    const recipients = await this.holders(row);
    if (!recipients.length) {
      this.logger.warn(`dispute ${row.businessNo}: nobody holds it to remind (${row.status})`);
      return false;
    }
    const when = stage === 'BEFORE' ? '明日' : '今日';
    await this.send(row, recipients, {
      type: stage === 'BEFORE' ? 'DISPUTE_DUE_SOON' : 'DISPUTE_DUE_TODAY',
      title: `矛盾纠纷件${when}到期`,
      content: `矛盾纠纷件 ${row.businessNo}（${DISPUTE_STATUS_LABELS[row.status]}）办理时限为 ${row.deadline}，${when}到期，请及时办理。`,
    });
    return true;
  }

  /** Every case whose reminder is due today and was not sent (no job reached it). */
  async sweep(now = new Date()): Promise<number> {
    const today = shanghaiDate(now);
    if (now < this.reminderTime(today)) return 0;
    // the deadlines whose 「明日到期」 day is today: after today up to the next working day
    const until = addWorkingDays(today, 1);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep reads ids of every district's due cases; remindIfDue re-checks each
    const due = await this.dataSource
      .getRepository(DisputeCase)
      .createQueryBuilder('d')
      .select(['d.id', 'd.deadline', 'd.closed', 'd.remindedBeforeFor', 'd.remindedDueFor'])
      .where('d.closed = :open AND d.deadline >= :today AND d.deadline <= :until', { open: false, today, until })
      .getMany();
    let sent = 0;
    for (const row of due) {
      if (dueStage(row, today) && (await this.remindIfDue(row.id, now))) sent++;
    }
    if (sent) this.logger.log(`dispute deadline sweep: ${sent} reminded`);
    return sent;
  }

  /** 转办: the street office of the case's street learns it has a case (WeChat and inbox). */
  async notifyTransferred(disputeId: number, sender: { id: number; name: string }): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the case the caller has just transferred
    const row = await this.dataSource.getRepository(DisputeCase).findOne({ where: { id: disputeId } });
    if (!row) return;
    const recipients = await this.holders(row);
    if (!recipients.length) {
      this.logger.warn(`dispute ${row.businessNo}: street ${row.streetId} has no active street-office account to notify`);
      return;
    }
    await this.send(
      row,
      recipients,
      { type: `DISPUTE_TRANSFER_${row.transferCount}`, title: '矛盾纠纷件转办', content: `区局转办矛盾纠纷件 ${row.businessNo}，办理时限 ${row.deadline}，请及时处理。` },
      sender,
    );
  }

  private async send(row: DisputeCase, accountIds: number[], message: { type: string; title: string; content: string }, sender: { id: number; name: string } | null = null): Promise<void> {
    try {
      await this.reminders.remind({
        kind: CampaignKind.URGE,
        sender,
        districtId: row.districtId,
        subject: { type: message.type, id: row.id },
        recipients: { accountIds },
        title: message.title,
        content: message.content,
        link: MESSAGE_LINKS.disputeDetail(row.id),
        // the case row keeps what was sent: a cooldown would only hide a second 转办 or a new deadline
        cooldownHours: 0,
      });
    } catch (error) {
      if (error instanceof AppException && error.code === NotificationErrorCode.NOTHING_TO_URGE) return;
      throw error;
    }
  }

  /** The active accounts that hold the case now. */
  private async holders(row: DisputeCase): Promise<number[]> {
    const { street, roles } = holderRoles(row.status);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the officers of the case's own district or street, to message them
    const accounts = await this.dataSource.getRepository(Account).find({
      select: { id: true },
      where: { status: AccountStatus.ACTIVE, role: In(roles), ...(street ? { streetId: row.streetId } : { districtId: row.districtId }) },
    });
    return accounts.map((a) => a.id);
  }
}
