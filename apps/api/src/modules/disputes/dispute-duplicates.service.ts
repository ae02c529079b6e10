import { Inject, Injectable } from '@nestjs/common';
import { DISPUTE_STATUS_LABELS, DisputeDuplicate, DisputeDuplicateReason, DisputeDuplicateResult } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { dialectOf } from '../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { DisputeLedgerFilter, ledgerQueries, sqlInstant } from './dispute-ledger';
import { sqlDateTime } from './dispute-views';
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
    const since = sqlInstant(new Date(Date.now() - windowDays * 86_400_000), dialectOf(this.dataSource));
    const scoped = this.scope.repository(actor, DisputeCase, DISPUTE_LABEL);
    const reasons = new Map<number, Set<DisputeDuplicateReason>>();
    const similarity = new Map<number, number>();
    const flag = (id: number, reason: DisputeDuplicateReason) => {
      const set = reasons.get(id) ?? new Set<DisputeDuplicateReason>();
      set.add(reason);
      reasons.set(id, set);
    };
    const base = () => {
      const qb = scoped.query('d').select('d.id', 'id').andWhere('d.enteredAt >= :since', { since });
      if (query.excludeId) qb.andWhere('d.id <> :excludeId', { excludeId: query.excludeId });
      return qb;
    };

    if (query.propertyAreaId && query.categoryId) {
      const rows = await base().andWhere('d.propertyAreaId = :areaId AND d.categoryId = :categoryId', { areaId: query.propertyAreaId, categoryId: query.categoryId }).limit(LIST_MAX).getRawMany<{ id: number }>();
      rows.forEach((r) => flag(Number(r.id), DisputeDuplicateReason.SAME_CATEGORY_AREA));
    }
    const phone = query.petitionerPhone?.trim();
    if (phone) {
      const rows = await base().andWhere('d.petitionerPhone = :phone', { phone }).limit(LIST_MAX).getRawMany<{ id: number }>();
      rows.forEach((r) => flag(Number(r.id), DisputeDuplicateReason.SAME_PETITIONER_PHONE));
    }
    const summary = query.summary?.trim() ?? '';
    if (query.propertyAreaId && summary.length >= MIN_SUMMARY_CHARS) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- only the community of the area the officer picked; the cases below go through the door
      const area = await this.dataSource.getRepository(PropertyArea).findOne({ where: { id: query.propertyAreaId }, select: { id: true, communityId: true } });
      if (area?.communityId) {
        const rows = await base().addSelect('d.summary', 'summary').andWhere('d.communityId = :communityId', { communityId: area.communityId }).getRawMany<{ id: number; summary: string }>();
        const typed = bigrams(summary);
        for (const row of rows) {
          const score = summarySimilarity(typed, row.summary);
          if (score >= similarityThreshold) {
            flag(Number(row.id), DisputeDuplicateReason.SIMILAR_SUMMARY);
            similarity.set(Number(row.id), score);
          }
        }
      }
    }
    if (!reasons.size) return { duplicate: false, items: [], windowDays };

    const ids = [...reasons.keys()];
    const queries = ledgerQueries({} as DisputeLedgerFilter, { skip: 0, take: ids.length }, dialectOf(this.dataSource));
    const rows = (await this.dataSource.query(queries.rows(ids).sql, queries.rows(ids).params)) as Array<Record<string, unknown>>;
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
