import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AUDIT_LOG_DEFAULT_DAYS, AuditLogItem, AuditLogPage } from '@szpm/contract';
import { Brackets, In, Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AuditLog } from '../../access/entities/audit-log.entity';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow } from '../../common/http/pagination.dto';
import { shanghaiDate, startOfShanghaiDay } from '../../common/http/shanghai-time';
import { escapeLike } from '../../common/sql/like';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

const DAY_MS = 24 * 3600 * 1000;

/** The Shanghai days [from, to] a search covers: as asked, else the AUDIT_LOG_DEFAULT_DAYS days up to today (or up to `to`, or from `from`). */
export function auditWindow(query: { from?: string; to?: string }, now: Date = new Date()): { from: string; to: string } {
  const span = (AUDIT_LOG_DEFAULT_DAYS - 1) * DAY_MS;
  const to = query.to ?? (query.from ? shanghaiDate(new Date(Math.max(startOfShanghaiDay(query.from).getTime() + span, 0))) : shanghaiDate(now));
  const from = query.from ?? shanghaiDate(new Date(startOfShanghaiDay(to).getTime() - span));
  if (from > to) throw AppException.invalidField('from', '起始日不能晚于截止日');
  return { from, to };
}

/**
 * 审计日志 (city admins): every audited write of the platform, refused ones too, searched by actor,
 * action, target, outcome and Shanghai days; newest first. Actor and delegator names come from the
 * accounts table by id (a name may since have changed: the id is the record).
 */
@Injectable()
export class AuditLogService {
  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the whole trail, read by city admins only (RequireRoles CITY_ADMIN on the controller)
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the actors of the trail for city admins, who see every account
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  async list(query: AuditLogQueryDto, now: Date = new Date()): Promise<AuditLogPage> {
    const window = pageWindow(query);
    const days = auditWindow(query, now);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the actor filter matches names of any account: city admins see every one
    const qb = this.logs
      .createQueryBuilder('log')
      .leftJoin(Account, 'actor', 'actor.id = log.actorId')
      .where('log.createdAt >= :from', { from: startOfShanghaiDay(days.from) })
      .andWhere('log.createdAt < :to', { to: new Date(startOfShanghaiDay(days.to).getTime() + DAY_MS) });
    if (query.actor) {
      if (/^\d{1,10}$/.test(query.actor)) {
        qb.andWhere('log.actorId = :actorId', { actorId: Number(query.actor) });
      } else {
        const like = `%${escapeLike(query.actor)}%`;
        qb.andWhere(new Brackets((w) => w.where("actor.name LIKE :actorLike ESCAPE '!'", { actorLike: like }).orWhere("actor.username LIKE :actorLike ESCAPE '!'", { actorLike: like })));
      }
    }
    if (query.action) qb.andWhere("log.action LIKE :action ESCAPE '!'", { action: `%${escapeLike(query.action)}%` });
    if (query.targetType) qb.andWhere('log.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('log.targetId = :targetId', { targetId: query.targetId });
    if (query.outcome) qb.andWhere('log.outcome = :outcome', { outcome: query.outcome });

    const total = await qb.clone().getCount();
    const rows = await qb.orderBy('log.createdAt', 'DESC').addOrderBy('log.id', 'DESC').offset(window.skip).limit(window.take).getMany();
    const people = new Map((await this.namesOf(rows.flatMap((r) => [r.actorId, r.onBehalfOfId]))).map((a) => [a.id, a]));
    const items = rows.map((row): AuditLogItem => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      actorId: row.actorId,
      actorName: row.actorId === null ? null : (people.get(row.actorId)?.name ?? null),
      actorUsername: row.actorId === null ? null : (people.get(row.actorId)?.username ?? null),
      onBehalfOfId: row.onBehalfOfId,
      onBehalfOfName: row.onBehalfOfId === null ? null : (people.get(row.onBehalfOfId)?.name ?? null),
      districtId: row.districtId,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      method: row.method,
      path: row.path,
      statusCode: row.statusCode,
      outcome: row.outcome,
      errorCode: row.errorCode,
      requestId: row.requestId,
      ip: row.ip,
    }));
    return { items, total, page: window.page, pageSize: window.pageSize, ...days };
  }

  private namesOf(ids: Array<number | null>): Promise<Array<Pick<Account, 'id' | 'name' | 'username'>>> {
    const unique = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!unique.length) return Promise.resolve([]);
    return this.accounts.find({ where: { id: In(unique) }, select: { id: true, name: true, username: true } });
  }
}
