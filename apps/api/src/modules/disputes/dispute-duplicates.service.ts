import { Inject, Injectable } from '@nestjs/common';
import { DISPUTE_STATUS_LABELS, DisputeDuplicate, DisputeDuplicateReason, DisputeDuplicateResult } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { dialectOf } from '../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { sqlDateTime, sqlInstant } from '../../common/sql/datetime';
import { ledgerRows } from './dispute-ledger';
import { DISPUTE_LABEL } from './disputes.service';
import { bigrams, MIN_SUMMARY_CHARS, summarySimilarity } from './duplicate-rules';
import { DisputeDuplicateQueryDto } from './dto/dispute.dto';
import { DisputeCase } from './entities/dispute-case.entity';

/** At most this many earlier cases are listed under 查看. */
const LIST_MAX = 20;

/**
 * 「您录入的信息与历史数据存在重复」 while an officer types: earlier cases of the district within the
 * window (DISPUTE_DUPLICATE_WINDOW_DAYS) with the same 问题分类 in the same 小区, or the same
 * petitioner phone, or a 纠纷简述 at least the threshold alike among the cases of the same 社区.
 * Each of the three reads one index range; it never blocks the entry.
 */
@Injectable()
export class DisputeDuplicatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(actor: Actor, query: DisputeDuplicateQueryDto): Promise<DisputeDuplicateResult> {
    const { duplicateWindowDays: windowDays, similarityThreshold } = this.config.disputes;
    const dialect = dialectOf(this.dataSource);
    const scope = this.scope.repository(actor, DisputeCase, DISPUTE_LABEL).plainCondition('d');
    const summary = query.summary?.trim() ?? '';
    const phone = query.petitionerPhone?.trim();
    // one statement: each of the three matches reads its own index range (the parts of a UNION ALL)
    const base = { sql: `${scope ? `${scope.sql} AND ` : ''}d.enteredAt >= ?${query.excludeId ? ' AND d.id <> ?' : ''}`, params: [...(scope?.params ?? []), sqlInstant(new Date(Date.now() - windowDays * 86_400_000), dialect), ...(query.excludeId ? [query.excludeId] : [])] };
    const parts: Array<{ reason: DisputeDuplicateReason; sql: string; params: unknown[] }> = [];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- every part carries the door's plainCondition (base)
    const select = (reason: DisputeDuplicateReason, where: string, limit: string) => `SELECT * FROM (SELECT d.id AS id, d.summary AS summary, '${reason}' AS reason FROM dispute_cases d WHERE ${base.sql} AND ${where}${limit}) AS ${reason.toLowerCase()}`;
    if (query.propertyAreaId && query.categoryId) {
      parts.push({ reason: DisputeDuplicateReason.SAME_CATEGORY_AREA, sql: select(DisputeDuplicateReason.SAME_CATEGORY_AREA, 'd.propertyAreaId = ? AND d.categoryId = ?', ` LIMIT ${LIST_MAX}`), params: [...base.params, query.propertyAreaId, query.categoryId] });
    }
    if (phone) parts.push({ reason: DisputeDuplicateReason.SAME_PETITIONER_PHONE, sql: select(DisputeDuplicateReason.SAME_PETITIONER_PHONE, 'd.petitionerPhone = ?', ` LIMIT ${LIST_MAX}`), params: [...base.params, phone] });
    if (query.propertyAreaId && summary.length >= MIN_SUMMARY_CHARS) {
      // the cases of the area's community (its id read in the same statement)
      // eslint-disable-next-line szpm/no-raw-scoped-access -- only the community id of the area the officer picked; the cases go through the door
      parts.push({ reason: DisputeDuplicateReason.SIMILAR_SUMMARY, sql: select(DisputeDuplicateReason.SIMILAR_SUMMARY, 'd.communityId = (SELECT a.communityId FROM property_areas a WHERE a.id = ?)', ''), params: [...base.params, query.propertyAreaId] });
    }
    if (!parts.length) return { duplicate: false, items: [], windowDays };
    const found = (await this.dataSource.query(parts.map((p) => p.sql).join(' UNION ALL '), parts.flatMap((p) => p.params))) as Array<{ id: unknown; summary: string; reason: DisputeDuplicateReason }>;

    const reasons = new Map<number, Set<DisputeDuplicateReason>>();
    const similarity = new Map<number, number>();
    const flag = (id: number, reason: DisputeDuplicateReason) => {
      const set = reasons.get(id) ?? new Set<DisputeDuplicateReason>();
      set.add(reason);
      reasons.set(id, set);
    };
    const typed = summary ? bigrams(summary) : null;
    for (const row of found) {
      const id = Number(row.id);
      if (row.reason !== DisputeDuplicateReason.SIMILAR_SUMMARY) {
        flag(id, row.reason);
        continue;
      }
      const score = summarySimilarity(typed!, row.summary);
      if (score >= similarityThreshold) {
        flag(id, DisputeDuplicateReason.SIMILAR_SUMMARY);
        similarity.set(id, score);
      }
    }
    if (!reasons.size) return { duplicate: false, items: [], windowDays };

    const ids = [...reasons.keys()];
    const rows = (await this.dataSource.query(ledgerRows(ids).sql, ledgerRows(ids).params)) as Array<Record<string, unknown>>;
    const items: DisputeDuplicate[] = rows.map((r) => {
      const id = Number(r.id);
      const status = r.status as DisputeDuplicate['status'];
      return {
        id,
        businessNo: String(r.businessNo),
        propertyAreaName: String(r.propertyAreaName ?? ''),
        categoryName: String(r.categoryName ?? ''),
        summary: String(r.summary),
        status,
        statusLabel: DISPUTE_STATUS_LABELS[status] ?? status,
        enteredAt: sqlDateTime(r.enteredAt).toISOString(),
        reasons: [...reasons.get(id)!],
        similarity: similarity.get(id) ?? (summary ? summarySimilarity(summary, String(r.summary)) : 0),
      };
    });
    items.sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity || b.enteredAt.localeCompare(a.enteredAt));
    return { duplicate: true, items: items.slice(0, LIST_MAX), windowDays };
  }
}
