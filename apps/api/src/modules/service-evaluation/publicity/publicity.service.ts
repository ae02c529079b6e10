import { Injectable } from '@nestjs/common';
import { EVALUATION_SUBJECT_TYPE_LABELS, Page, PublicBadRecord, PublicDistrict, PublicRiskListEntry } from '@szpm/contract';
import { DataSource, LessThan, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { PublicitySearchDto } from '../dto/records-query.dto';
import { BadRecord } from '../entities/bad-record.entity';
import { RiskListEntry } from '../entities/risk-list-entry.entity';
import { DistrictNamesService } from '../records/district-names.service';
import { escapeLike } from '../../../common/sql/like';
import { containsWhere } from '../../../common/search/text-search';
import { BAD_RECORD_NAMES } from '../records/bad-record-search';
import { todayInShanghai } from '../records/publicity-period';

/**
 * 信息公示: what the public sees without logging in — effective bad records and risk-list entries
 * whose publicity period includes today. The date is checked here as well as by the expiry job,
 * so a record leaves the lists at the end of its last day even before the job has run.
 */
@Injectable()
export class PublicityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly districts: DistrictNamesService,
  ) {}

  /** The districts, in the order of their ids (the seed's order: 福田, 罗湖, …). */
  async districtList(): Promise<PublicDistrict[]> {
    const names = await this.districts.all();
    return [...names].sort(([a], [b]) => a - b).map(([id, name]) => ({ id, name }));
  }

  async badRecords(query: PublicitySearchDto): Promise<Page<PublicBadRecord>> {
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- 信用公示 is public: only published records within their publicity period, any district
    const qb = this.filtered(this.dataSource.getRepository(BadRecord).createQueryBuilder('r'), query, BAD_RECORD_NAMES);
    const [rows, total] = await qb.skip(window.skip).take(window.take).getManyAndCount();
    const names = await this.districts.all();
    return toPage(
      rows.map((r) => ({
        id: r.id,
        subjectType: r.subjectType,
        subjectTypeLabel: EVALUATION_SUBJECT_TYPE_LABELS[r.subjectType],
        subjectName: r.subjectName,
        districtName: names.get(r.districtId) ?? null,
        itemName: r.itemName,
        circumstanceDescription: r.circumstanceDescription,
        level: r.level,
        points: r.points,
        factDate: r.factDate,
        documentNo: r.documentNo,
        description: r.description,
        publicityStart: r.publicityStart,
        publicityEnd: r.publicityEnd,
      })),
      total,
      window,
    );
  }

  async riskList(query: PublicitySearchDto): Promise<Page<PublicRiskListEntry>> {
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- 信用公示 is public: only published entries within their publicity period, any district
    const qb = this.filtered(this.dataSource.getRepository(RiskListEntry).createQueryBuilder('r'), query);
    const [rows, total] = await qb.skip(window.skip).take(window.take).getManyAndCount();
    const names = await this.districts.all();
    return toPage(
      rows.map((r) => ({
        id: r.id,
        subjectType: r.subjectType,
        subjectTypeLabel: EVALUATION_SUBJECT_TYPE_LABELS[r.subjectType],
        subjectName: r.subjectName,
        districtName: names.get(r.districtId) ?? null,
        itemName: r.itemName,
        circumstanceDescription: r.circumstanceDescription,
        factDate: r.factDate,
        documentNo: r.documentNo,
        description: r.description,
        publicityStart: r.publicityStart,
        publicityEnd: r.publicityEnd,
      })),
      total,
      window,
    );
  }

  /** Published within the period, the filters; bad records' names through their n-gram index (risk lists are small: LIKE). */
  private filtered<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: PublicitySearchDto, nameIndex?: string): SelectQueryBuilder<T> {
    qb.where('r.published = :published', { published: true }).andWhere('r.publicityEnd >= :today', { today: todayInShanghai() });
    if (query.subjectType) qb.andWhere('r.subjectType = :subjectType', { subjectType: query.subjectType });
    if (query.districtId) qb.andWhere('r.districtId = :districtId', { districtId: query.districtId });
    if (query.search && nameIndex) {
      const names = containsWhere(nameIndex, 'r.subjectName', query.search);
      qb.andWhere(names.sql, names.params);
    } else if (query.search) {
      qb.andWhere(`r.subjectName LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
    }
    return qb.orderBy('r.publicityStart', 'DESC').addOrderBy('r.id', 'DESC');
  }

  /** Ends the publicity of every record whose last day has passed; returns how many it ended. */
  async endExpired(today: string = todayInShanghai()): Promise<{ badRecords: number; riskListEntries: number }> {
    const end = async (entity: typeof BadRecord | typeof RiskListEntry) =>
      (
        await this.dataSource
          .createQueryBuilder()
          .update(entity as typeof BadRecord)
          .set({ published: false })
          .where({ published: true, publicityEnd: LessThan(today) })
          .execute()
      ).affected ?? 0;
    return { badRecords: await end(BadRecord), riskListEntries: await end(RiskListEntry) };
  }
}
