import { Injectable } from '@nestjs/common';
import {
  AccountStatus,
  DelegateCandidate,
  DelegatedModule,
  DELEGATION_STATE_LABELS,
  DelegationErrorCode,
  DelegationState,
  DelegationStatus,
  DelegationView,
  ModuleKey,
  MODULE_BY_KEY,
  Page,
  ROLE_LABELS,
} from '@szpm/contract';
import { Brackets, DataSource, EntityManager, LessThanOrEqual, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { JobQueue } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { WorkflowTransactions } from '../workflow/workflow-transactions';
import { ALWAYS_DELEGATED, DELEGATING_ROLES, delegationState, isInEffect, modulesOf, periodsOverlap } from './delegation-rules';
import { DelegationException } from './delegation.exception';
import { CreateDelegationDto, DelegationQueryDto } from './dto/delegation.dto';
import { Delegation } from './entities/delegation.entity';

/** setTimeout's limit (the in-process queue); a later end is caught by the periodic sweep instead */
const MAX_DELAY_MS = 2 ** 31 - 1;

export function expireJobId(delegationId: number): string {
  return `delegation-expire-${delegationId}`;
}

/**
 * 代办委托: start (发起委托), terminate (终止), the expiry at the end time, and the lists of
 * delegations given and received. Acting on behalf is resolved by the access layer (ActorLoader).
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly transactions: WorkflowTransactions,
    private readonly queue: JobQueue,
  ) {}

  /** The colleagues the actor may delegate to: active officers of the same district bureau. */
  async candidates(actor: Actor): Promise<DelegateCandidate[]> {
    this.assertMayDelegate(actor);
    const rows = await this.colleagues(actor, this.dataSource.manager).andWhere('a.id <> :self', { self: actor.accountId }).orderBy('a.role', 'ASC').addOrderBy('a.id', 'ASC').getMany();
    return rows.map((a) => ({ id: a.id, name: a.name, role: a.role, roleLabel: ROLE_LABELS[a.role], position: a.position }));
  }

  /** The modules the actor holds a grant on and may lend (待办 comes with every delegation). */
  delegableModules(actor: Actor): DelegatedModule[] {
    this.assertMayDelegate(actor);
    return this.delegable(actor).map(toDelegatedModule);
  }

  async create(actor: Actor, dto: CreateDelegationDto): Promise<DelegationView> {
    this.assertMayDelegate(actor);
    if (dto.delegateId === actor.accountId) throw new DelegationException(DelegationErrorCode.TO_SELF);
    const held = this.delegable(actor);
    if (!held.length) throw new DelegationException(DelegationErrorCode.NOTHING_TO_DELEGATE);
    let modules: ModuleKey[];
    if (dto.allModules) {
      modules = held;
    } else {
      const chosen = new Set(dto.modules ?? []);
      if ([...chosen].some((m) => !held.includes(m) && !ALWAYS_DELEGATED.includes(m))) throw new DelegationException(DelegationErrorCode.MODULE_NOT_HELD);
      modules = held.filter((m) => chosen.has(m));
      if (!modules.length) throw new DelegationException(DelegationErrorCode.NOTHING_TO_DELEGATE);
    }
    const now = new Date();
    const requestedStart = dto.startAt ? new Date(dto.startAt) : now;
    // whole seconds: what MySQL's datetime keeps, so the stored times are exactly those checked here
    const startAt = wholeSeconds(requestedStart.getTime() < now.getTime() ? now : requestedStart);
    const endAt = wholeSeconds(new Date(dto.endAt));
    // the DTO admits only real instants; an unreadable one here would be stored and then break every list that shows it
    if (Number.isNaN(startAt.getTime()) || Number.isNaN(endAt.getTime())) throw new DelegationException(DelegationErrorCode.INVALID_PERIOD);
    if (endAt.getTime() <= startAt.getTime()) throw new DelegationException(DelegationErrorCode.INVALID_PERIOD);

    const created = await this.transactions.run(async (manager) => {
      const delegate = await this.colleagues(actor, manager).andWhere('a.id = :id', { id: dto.delegateId }).getOne();
      if (!delegate) throw new DelegationException(DelegationErrorCode.DELEGATE_NOT_COLLEAGUE);
      // one delegator's delegations are decided one at a time (MySQL: the delegator's row is the lock)
      // eslint-disable-next-line szpm/no-raw-scoped-access -- locks the caller's own account row to serialise their delegations
      if (!this.transactions.isSqlite) await manager.findOne(Account, { where: { id: actor.accountId }, lock: { mode: 'pessimistic_write' } });
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's own running delegations (a delegation belongs to its two parties, not to a district scope)
      const running = await manager.find(Delegation, { where: { delegatorId: actor.accountId, status: DelegationStatus.ACTIVE } });
      const clash = running.find((d) => periodsOverlap(d, { startAt, endAt }) && d.modules.some((m) => modules.includes(m)));
      if (clash) {
        throw new DelegationException(DelegationErrorCode.OVERLAPPING, {
          details: { delegationId: clash.id, modules: clash.modules.filter((m) => modules.includes(m)) },
        });
      }
      const saved = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's new delegation, to a colleague found through the door, in the caller's district
        manager.create(Delegation, {
          delegatorId: actor.accountId,
          delegatorName: actor.name,
          delegateId: delegate.id,
          delegateName: delegate.name,
          districtId: delegate.districtId!,
          allModules: dto.allModules,
          modules,
          matters: dto.matters.trim(),
          startAt,
          endAt,
          status: DelegationStatus.ACTIVE,
          terminatedAt: null,
          expiredAt: null,
        }),
      );
      // the answer is built before the commit: a row the answer cannot show is rolled back, not left behind
      return { saved, view: toView(saved, new Date()) };
    });
    await this.scheduleExpiry(created.saved);
    return created.view;
  }

  /** 终止: the delegator ends a delegation that has not ended yet (also one that has not begun). */
  async terminate(actor: Actor, id: number): Promise<DelegationView> {
    if (actor.onBehalfOfId !== null) throw new DelegationException(DelegationErrorCode.NO_REDELEGATION);
    const delegation = await this.visible(actor, id);
    if (delegation.delegatorId !== actor.accountId) throw new DelegationException(DelegationErrorCode.NOT_DELEGATOR);
    const now = new Date();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- ends a delegation visible() has just shown the caller is the delegator of
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Delegation)
      .set({ status: DelegationStatus.TERMINATED, terminatedAt: now })
      .where('id = :id AND status = :active AND endAt > :now', { id, active: DelegationStatus.ACTIVE, now })
      .execute();
    if (result.affected !== 1) throw new DelegationException(DelegationErrorCode.ALREADY_ENDED);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- re-reads the delegation visible() has just checked
    return toView(await this.dataSource.getRepository(Delegation).findOneByOrFail({ id }), new Date());
  }

  /**
   * The expiry job of one delegation: ends it when its end time has come (a terminated one stays
   * terminated). Returns the milliseconds still to wait when it is running and not due yet.
   */
  async expireIfDue(id: number, now = new Date()): Promise<{ expired: boolean; remainingMs: number | null }> {
    const result = await this.expireQuery(now).andWhere('id = :id', { id }).execute();
    if (result.affected === 1) return { expired: true, remainingMs: null };
    // eslint-disable-next-line szpm/no-raw-scoped-access -- expiry job: no actor, loads the delegation by the id from the job
    const delegation = await this.dataSource.getRepository(Delegation).findOne({ where: { id }, select: { id: true, status: true, endAt: true } });
    const running = delegation?.status === DelegationStatus.ACTIVE;
    return { expired: false, remainingMs: running ? delegation.endAt.getTime() - now.getTime() : null };
  }

  /** The periodic sweep: ends every delegation whose end time has passed (catches jobs lost with an in-process queue). */
  async expireDue(now = new Date()): Promise<number> {
    return (await this.expireQuery(now).execute()).affected ?? 0;
  }

  async given(actor: Actor, query: DelegationQueryDto): Promise<Page<DelegationView>> {
    return this.list('delegatorId', actor, query);
  }

  async received(actor: Actor, query: DelegationQueryDto): Promise<Page<DelegationView>> {
    return this.list('delegateId', actor, query);
  }

  async detail(actor: Actor, id: number): Promise<DelegationView> {
    return toView(await this.visible(actor, id), new Date());
  }

  private expireQuery(now: Date) {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- expiry job and sweep: no actor, ends due delegations city-wide
    return this.dataSource
      .createQueryBuilder()
      .update(Delegation)
      .set({ status: DelegationStatus.EXPIRED, expiredAt: now })
      .where({ status: DelegationStatus.ACTIVE, endAt: LessThanOrEqual(now) });
  }

  private async scheduleExpiry(delegation: Delegation): Promise<void> {
    const delayMs = Math.min(MAX_DELAY_MS, Math.max(0, delegation.endAt.getTime() - Date.now()));
    await this.queue.add(JOBS.expireDelegation, { delegationId: delegation.id }, { jobId: expireJobId(delegation.id), delayMs, attempts: 5 });
  }

  private async list(party: 'delegatorId' | 'delegateId', actor: Actor, query: DelegationQueryDto): Promise<Page<DelegationView>> {
    const window = pageWindow(query);
    const now = new Date();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- lists only the delegations the caller is a party to
    const qb = this.dataSource.getRepository(Delegation).createQueryBuilder('d').where(`d.${party} = :me`, { me: actor.accountId });
    if (query.state) whereState(qb, query.state, now);
    const [rows, total] = await qb.orderBy('d.createdAt', 'DESC').addOrderBy('d.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(
      rows.map((d) => toView(d, now)),
      total,
      window,
    );
  }

  /** Only its two parties see a delegation. */
  private async visible(actor: Actor, id: number): Promise<Delegation> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a delegation is visible to its two parties only, checked on the next line
    const delegation = await this.dataSource.getRepository(Delegation).findOne({ where: { id } });
    if (!delegation || (delegation.delegatorId !== actor.accountId && delegation.delegateId !== actor.accountId)) throw AppException.notFound('委托');
    return delegation;
  }

  private assertMayDelegate(actor: Actor): void {
    if (actor.onBehalfOfId !== null) throw new DelegationException(DelegationErrorCode.NO_REDELEGATION);
    if (!DELEGATING_ROLES.includes(actor.role) || actor.districtId === null) throw new DelegationException(DelegationErrorCode.NOT_AN_OFFICER);
  }

  /** Own grants only: an on-behalf actor never gets here (assertMayDelegate). */
  private delegable(actor: Actor): ModuleKey[] {
    return modulesOf(actor.grants).filter((m) => !ALWAYS_DELEGATED.includes(m));
  }

  private colleagues(actor: Actor, manager: EntityManager): SelectQueryBuilder<Account> {
    return this.scope
      .repository(actor, Account, '账号', manager)
      .query('a')
      .andWhere('a.status = :activeStatus', { activeStatus: AccountStatus.ACTIVE })
      .andWhere('a.role IN (:...delegatingRoles)', { delegatingRoles: DELEGATING_ROLES });
  }
}

function wholeSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

function whereState(qb: SelectQueryBuilder<Delegation>, state: DelegationState, now: Date): void {
  const active = DelegationStatus.ACTIVE;
  switch (state) {
    case DelegationState.NOT_STARTED:
      qb.andWhere('d.status = :active AND d.startAt > :now AND d.endAt > :now', { active, now });
      return;
    case DelegationState.IN_EFFECT:
      qb.andWhere('d.status = :active AND d.startAt <= :now AND d.endAt > :now', { active, now });
      return;
    case DelegationState.TERMINATED:
      qb.andWhere('d.status = :terminated', { terminated: DelegationStatus.TERMINATED });
      return;
    case DelegationState.EXPIRED:
      qb.andWhere(
        new Brackets((w) => w.where('d.status = :expired', { expired: DelegationStatus.EXPIRED }).orWhere('d.status = :active AND d.endAt <= :now', { active, now })),
      );
      return;
  }
}

function toDelegatedModule(module: ModuleKey): DelegatedModule {
  return { module, label: MODULE_BY_KEY[module].label };
}

function toView(d: Delegation, now: Date): DelegationView {
  const state = delegationState(d, now);
  return {
    id: d.id,
    delegatorId: d.delegatorId,
    delegatorName: d.delegatorName,
    delegateId: d.delegateId,
    delegateName: d.delegateName,
    districtId: d.districtId,
    allModules: d.allModules,
    modules: d.modules.map(toDelegatedModule),
    matters: d.matters,
    startAt: d.startAt.toISOString(),
    endAt: d.endAt.toISOString(),
    status: d.status,
    state,
    stateLabel: DELEGATION_STATE_LABELS[state],
    inEffect: isInEffect(d, now),
    terminatedAt: d.terminatedAt?.toISOString() ?? null,
    expiredAt: d.expiredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
