import { Inject, Injectable } from '@nestjs/common';
import { EvaluationRanking, EvaluationTarget, OwnerOffice, RANKING_SUBJECT_TARGET, RankingSubject } from '@szpm/contract';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { pageWindow, PageQueryDto } from '../../common/http/pagination.dto';
import { OwnerOfficeHolder } from '../regions/entities/owner-office-holder.entity';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { EvaluationAreaMonth, RankStreak } from './entities';
import { AreaMonthSums, cityAverage, inTopEveryMonth, RankedSubject, rankSubjects } from './evaluation-ranking';
import { monthsBefore, shanghaiMonth } from './evaluation-score';

export interface StreakRunResult {
  month: string;
  /** streaks recorded by this run (a second run of the same month records none) */
  recorded: number;
}

/**
 * 评价排名 (manual ch. 9): the city's monthly ranking of 物业项目, 物业企业 and 业委会 from the areas'
 * monthly sums (city-wide for every officer: the manual calls it 全市评价排名), and the monthly job
 * that turns N running months in the top / bottom N into good and bad records of 信用信息.
 */
@Injectable()
export class EvaluationRankingService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The month a ranking shows by default: the last closed one. */
  static lastClosedMonth(now = new Date()): string {
    return monthsBefore(shanghaiMonth(now), 1);
  }

  async ranking(query: PageQueryDto & { month?: string; subject: RankingSubject; order?: 'desc' | 'asc' }): Promise<EvaluationRanking> {
    const month = query.month ?? EvaluationRankingService.lastClosedMonth();
    const order = query.order ?? 'desc';
    const rows = await this.monthSums(RANKING_SUBJECT_TARGET[query.subject], month);
    const ranked = rankSubjects(rows, query.subject, order, this.config.ownerEvaluations);
    const window = pageWindow(query);
    const page = ranked.slice(window.skip, window.skip + window.take);
    const names = await this.namesOf(query.subject, page.map((s) => s.subjectId));
    return {
      month,
      subject: query.subject,
      order,
      cityAverage: cityAverage(rows) / 100,
      minSample: this.config.ownerEvaluations.minSample,
      ranked: ranked.length,
      items: page.map((s) => ({
        rank: s.rank,
        subjectId: s.subjectId,
        name: names.get(s.subjectId)?.name ?? '',
        districtName: names.get(s.subjectId)?.districtName ?? null,
        propertyAreaId: query.subject === RankingSubject.COMPANY ? null : s.subjectId,
        score: s.scoreHundredths / 100,
        records: s.records,
      })),
    };
  }

  /**
   * 连续N个月排名前N / 倒N up to `month`: each subject in the top (bottom) N of every one of the N
   * months ending there gets one streak, unless a streak of it already covers one of those months
   * (a run that goes on makes a new record only with a whole new set of months). Idempotent.
   */
  async recordStreaks(month: string): Promise<StreakRunResult> {
    if (month > EvaluationRankingService.lastClosedMonth()) throw AppException.invalidField('month', '只能对已结束的月份生成排名记录');
    const { streakMonths, streakTop } = this.config.ownerEvaluations;
    const months = Array.from({ length: streakMonths }, (_, i) => monthsBefore(month, streakMonths - 1 - i));
    let recorded = 0;
    for (const subject of Object.values(RankingSubject)) {
      const sums = await Promise.all(months.map((m) => this.monthSums(RANKING_SUBJECT_TARGET[subject], m)));
      for (const direction of ['TOP', 'BOTTOM'] as const) {
        const rankings: RankedSubject[][] = sums.map((rows) => rankSubjects(rows, subject, direction === 'TOP' ? 'desc' : 'asc', this.config.ownerEvaluations));
        const streaks = inTopEveryMonth(rankings, streakTop);
        if (!streaks.size) continue;
        recorded += await this.insertStreaks(subject, direction, months, streaks);
      }
    }
    return { month, recorded };
  }

  private async insertStreaks(subject: RankingSubject, direction: 'TOP' | 'BOTTOM', months: string[], streaks: Map<number, number[]>): Promise<number> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the monthly job reads the city's earlier streaks (no actor: it writes credit information city-wide)
    const repository = this.dataSource.getRepository(RankStreak);
    const ids = [...streaks.keys()];
    const covering = await repository
      .createQueryBuilder('st')
      .select('st.subjectId', 'subjectId')
      .where('st.subject = :subject AND st.direction = :direction AND st.toMonth >= :from', { subject, direction, from: months[0] })
      .andWhere('st.subjectId IN (:...ids)', { ids })
      .getRawMany<{ subjectId: number }>();
    const covered = new Set(covering.map((r) => Number(r.subjectId)));
    const fresh = ids.filter((id) => !covered.has(id));
    if (!fresh.length) return 0;
    const links = await this.creditLinks(subject, fresh);
    const names = await this.namesOf(subject, fresh);
    const toMonth = months[months.length - 1];
    const before = await repository.count({ where: { subject, direction, toMonth } });
    await repository
      .createQueryBuilder()
      .insert()
      .values(
        fresh.map((id) => ({
          subject,
          subjectId: id,
          subjectName: names.get(id)?.name ?? '',
          direction,
          fromMonth: months[0],
          toMonth,
          ranks: months.map((m, i) => `${m}:${streaks.get(id)![i]}`).join(','),
          companyId: links.get(id)?.companyId ?? null,
          projectManagerId: links.get(id)?.projectManagerId ?? null,
          chairHolderId: links.get(id)?.chairHolderId ?? null,
          districtId: names.get(id)?.districtId ?? 0,
        })),
      )
      // a concurrent run of the same month wrote them first
      .orIgnore()
      .execute();
    return (await repository.count({ where: { subject, direction, toMonth } })) - before;
  }

  /** Whose credit information shows a subject's streak: the company, the project's manager, the committee's chair. */
  private async creditLinks(subject: RankingSubject, ids: number[]): Promise<Map<number, { companyId: number | null; projectManagerId: number | null; chairHolderId: number | null }>> {
    const links = new Map<number, { companyId: number | null; projectManagerId: number | null; chairHolderId: number | null }>();
    if (subject === RankingSubject.COMPANY) {
      for (const id of ids) links.set(id, { companyId: id, projectManagerId: null, chairHolderId: null });
      return links;
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the monthly job links city-wide ranked areas to their company, manager and committee
    const areas = await this.dataSource.getRepository(PropertyArea).find({ where: { id: In(ids) }, select: { id: true, companyId: true, projectManagerId: true, ownersCommitteeId: true } });
    const committeeIds = areas.map((a) => a.ownersCommitteeId).filter((id): id is number => id !== null);
    const chairs =
      subject === RankingSubject.COMMITTEE && committeeIds.length
        ? // eslint-disable-next-line szpm/no-raw-scoped-access -- the chairs of the city-wide ranked committees
          await this.dataSource.getRepository(OwnerOfficeHolder).find({ where: { office: OwnerOffice.COMMITTEE_CHAIR, ownersCommitteeId: In(committeeIds) }, order: { termEnd: 'ASC' } })
        : [];
    // the latest term wins (ordered by termEnd ascending)
    const chairOf = new Map(chairs.map((h) => [h.ownersCommitteeId!, h.id]));
    for (const a of areas) {
      links.set(
        a.id,
        subject === RankingSubject.PROJECT
          ? { companyId: a.companyId, projectManagerId: a.projectManagerId, chairHolderId: null }
          : { companyId: null, projectManagerId: null, chairHolderId: a.ownersCommitteeId !== null ? (chairOf.get(a.ownersCommitteeId) ?? null) : null },
      );
    }
    return links;
  }

  private async monthSums(target: EvaluationTarget, month: string): Promise<AreaMonthSums[]> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the ranking is city-wide (全市评价排名): every officer sees every area's monthly sums, names only
    const rows = await this.dataSource
      .getRepository(EvaluationAreaMonth)
      .find({ where: { target, month }, select: { propertyAreaId: true, companyId: true, records: true, scoreHundredthsSum: true } });
    return rows.map((r) => ({ propertyAreaId: r.propertyAreaId, companyId: r.companyId, records: r.records, scoreHundredthsSum: Number(r.scoreHundredthsSum) }));
  }

  private async namesOf(subject: RankingSubject, ids: number[]): Promise<Map<number, { name: string; districtName: string | null; districtId: number }>> {
    const names = new Map<number, { name: string; districtName: string | null; districtId: number }>();
    if (!ids.length) return names;
    const manager = this.dataSource.manager;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- district names for the city-wide ranking
    const districts = new Map((await manager.find(Region, { where: { level: RegionLevel.DISTRICT }, select: { id: true, name: true } })).map((r) => [r.id, r.name]));
    if (subject === RankingSubject.COMPANY) {
      const companies = await manager.find(PropertyCompany, { where: { id: In(ids) }, select: { id: true, name: true, registeredDistrictId: true } });
      for (const c of companies) names.set(c.id, { name: c.name, districtName: districts.get(c.registeredDistrictId) ?? null, districtId: c.registeredDistrictId });
      return names;
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the city-wide ranked areas (全市评价排名)
    const areas = await manager.find(PropertyArea, { where: { id: In(ids) }, select: { id: true, name: true, districtId: true, ownersCommitteeId: true } });
    const committees =
      subject === RankingSubject.COMMITTEE
        ? // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the city-wide ranked committees (全市评价排名)
          new Map((await manager.find(OwnersCommittee, { where: { propertyAreaId: In(ids) }, select: { id: true, name: true, propertyAreaId: true } })).map((c) => [c.propertyAreaId, c.name]))
        : new Map<number, string>();
    for (const a of areas) names.set(a.id, { name: committees.get(a.id) ?? a.name, districtName: districts.get(a.districtId) ?? null, districtId: a.districtId });
    return names;
  }
}
