import { Injectable } from '@nestjs/common';
import {
  CREDIT_INFO_SOURCE_LABELS,
  CreditInfoItem,
  CreditInfoKind,
  CreditInfoSource,
  CreditSubjectType,
  EVALUATION_RECORD_STATUS_LABELS,
  EvaluationRecordStatus,
  EvaluationSubjectType,
  RANKING_SUBJECT_LABELS,
} from '@szpm/contract';
import { DataSource, In, Not } from 'typeorm';
import { BadRecord } from '../service-evaluation/entities/bad-record.entity';
import { GoodRecord } from '../service-evaluation/entities/good-record.entity';
import { RiskListEntry } from '../service-evaluation/entities/risk-list-entry.entity';
import { RankStreak } from '../owner-evaluations/entities';
import { CreditRecord } from './entities/credit-record.entity';

/** The column of a rank streak (chapter 9) that names each credit subject it belongs to. */
const STREAK_COLUMN: Partial<Record<CreditSubjectType, 'companyId' | 'projectManagerId' | 'chairHolderId'>> = {
  [CreditSubjectType.PROPERTY_COMPANY]: 'companyId',
  [CreditSubjectType.PROJECT_MANAGER]: 'projectManagerId',
  [CreditSubjectType.COMMITTEE_CHAIR]: 'chairHolderId',
};

/** The evaluated subjects of chapter 7 among the credit subjects. */
export const EVALUATED: Partial<Record<CreditSubjectType, EvaluationSubjectType>> = {
  [CreditSubjectType.PROPERTY_COMPANY]: EvaluationSubjectType.COMPANY,
  [CreditSubjectType.PROJECT_MANAGER]: EvaluationSubjectType.PROJECT_MANAGER,
};

export interface GoodAndBad {
  good: CreditInfoItem[];
  bad: CreditInfoItem[];
}

export interface InfoCounts {
  good: number;
  bad: number;
}

const newestFirst = (a: CreditInfoItem, b: CreditInfoItem) => b.date.localeCompare(a.date) || b.recordId - a.recordId;

export function creditRecordItem(r: CreditRecord): CreditInfoItem {
  return {
    source: CreditInfoSource.CREDIT_REGISTRATION,
    sourceLabel: CREDIT_INFO_SOURCE_LABELS[CreditInfoSource.CREDIT_REGISTRATION],
    kind: r.kind,
    recordId: r.id,
    title: r.title,
    content: r.content,
    date: r.recordDate,
    issuedBy: r.issuedBy,
    documentNo: r.documentNo,
    points: null,
    statusLabel: null,
    validUntil: r.validUntil,
  };
}

/**
 * A subject's good and bad information: what was registered in chapter 8 (诚信登记) and, for
 * companies and project managers, the records of the service evaluation (chapter 7). Revoked
 * evaluation records never happened as far as credit is concerned; restored ones still count.
 * The subject's visibility is checked by the caller; the information is the subject's whole
 * history, whichever district bureau decided it.
 */
@Injectable()
export class CreditInformation {
  constructor(private readonly dataSource: DataSource) {}

  /** `districtNames` names the bureau that decided each evaluation record. */
  async of(subjectType: CreditSubjectType, subjectId: number, districtNames: Map<number, string>): Promise<GoodAndBad> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's credit history from every district's bureau; the caller (CreditService.visibleSubject) checked the subject is in scope
    const registered = await this.dataSource.getRepository(CreditRecord).find({ where: { subjectType, subjectId } });
    const items = registered.map(creditRecordItem);
    const evaluated = EVALUATED[subjectType];
    if (evaluated) {
      const notRevoked = Not(EvaluationRecordStatus.REVOKED);
      const [bad, good, risk] = await Promise.all([
        // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's credit history from every district's bureau; the caller (CreditService.visibleSubject) checked the subject is in scope
        this.dataSource.getRepository(BadRecord).find({ where: { subjectType: evaluated, subjectId, status: notRevoked } }),
        // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's credit history from every district's bureau; the caller (CreditService.visibleSubject) checked the subject is in scope
        this.dataSource.getRepository(GoodRecord).find({ where: { subjectType: evaluated, subjectId } }),
        // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's credit history from every district's bureau; the caller (CreditService.visibleSubject) checked the subject is in scope
        this.dataSource.getRepository(RiskListEntry).find({ where: { subjectType: evaluated, subjectId, status: notRevoked } }),
      ]);
      const bureau = (districtId: number) => (districtNames.has(districtId) ? `${districtNames.get(districtId)}住房和建设局` : null);
      items.push(...bad.map((r) => badRecordItem(r, bureau(r.districtId))), ...good.map((r) => goodRecordItem(r, bureau(r.districtId))), ...risk.map((r) => riskListItem(r, bureau(r.districtId))));
    }
    const streakColumn = STREAK_COLUMN[subjectType];
    if (streakColumn) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's credit history from every district's bureau; the caller (CreditService.visibleSubject) checked the subject is in scope
      const streaks = await this.dataSource.getRepository(RankStreak).find({ where: { [streakColumn]: subjectId } });
      items.push(...streaks.map(rankStreakItem));
    }
    return {
      good: items.filter((i) => i.kind === CreditInfoKind.GOOD).sort(newestFirst),
      bad: items.filter((i) => i.kind === CreditInfoKind.BAD).sort(newestFirst),
    };
  }

  /** How many good and bad items each of a page of subjects has (a few grouped counts, not one query per row). */
  async counts(subjectType: CreditSubjectType, subjectIds: number[]): Promise<Map<number, InfoCounts>> {
    const counts = new Map<number, InfoCounts>(subjectIds.map((id) => [id, { good: 0, bad: 0 }]));
    if (!subjectIds.length) return counts;
    const add = (rows: Array<{ subjectId: number | string; n: number | string; kind?: string }>, kind?: CreditInfoKind) => {
      for (const row of rows) {
        const entry = counts.get(Number(row.subjectId));
        if (!entry) continue;
        if ((kind ?? row.kind) === CreditInfoKind.GOOD) entry.good += Number(row.n);
        else entry.bad += Number(row.n);
      }
    };
    add(
      // eslint-disable-next-line szpm/no-raw-scoped-access -- counts for a page of subjects the caller listed through the scope; their history spans districts
      await this.dataSource
        .getRepository(CreditRecord)
        .createQueryBuilder('r')
        .select(['r.subjectId AS subjectId', 'r.kind AS kind', 'COUNT(*) AS n'])
        .where({ subjectType, subjectId: In(subjectIds) })
        .groupBy('r.subjectId')
        .addGroupBy('r.kind')
        .getRawMany(),
    );
    const evaluated = EVALUATED[subjectType];
    if (evaluated) {
      const grouped = (entity: typeof BadRecord | typeof GoodRecord | typeof RiskListEntry, excludeRevoked: boolean) => {
        const qb = this.dataSource
          .getRepository(entity)
          .createQueryBuilder('r')
          .select(['r.subjectId AS subjectId', 'COUNT(*) AS n'])
          .where('r.subjectType = :evaluated AND r.subjectId IN (:...subjectIds)', { evaluated, subjectIds });
        if (excludeRevoked) qb.andWhere('r.status <> :revoked', { revoked: EvaluationRecordStatus.REVOKED });
        return qb.groupBy('r.subjectId').getRawMany<{ subjectId: number; n: number }>();
      };
      add(await grouped(BadRecord, true), CreditInfoKind.BAD);
      add(await grouped(RiskListEntry, true), CreditInfoKind.BAD);
      add(await grouped(GoodRecord, false), CreditInfoKind.GOOD);
    }
    const streakColumn = STREAK_COLUMN[subjectType];
    if (streakColumn) {
      add(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- counts for a page of subjects the caller listed through the scope; their history spans districts
        await this.dataSource
          .getRepository(RankStreak)
          .createQueryBuilder('st')
          .select([`st.${streakColumn} AS subjectId`, "CASE WHEN st.direction = 'TOP' THEN 'GOOD' ELSE 'BAD' END AS kind", 'COUNT(*) AS n'])
          .where(`st.${streakColumn} IN (:...subjectIds)`, { subjectIds })
          .groupBy(`st.${streakColumn}`)
          .addGroupBy('st.direction')
          .getRawMany(),
      );
    }
    return counts;
  }
}

/** 连续六个月排名前十 / 倒十, with the months and ranks that made it. */
export function rankStreakItem(r: RankStreak): CreditInfoItem {
  const months = r.ranks.split(',').map((pair) => pair.split(':'));
  return {
    source: CreditInfoSource.OWNER_EVALUATION_RANKING,
    sourceLabel: CREDIT_INFO_SOURCE_LABELS[CreditInfoSource.OWNER_EVALUATION_RANKING],
    kind: r.direction === 'TOP' ? CreditInfoKind.GOOD : CreditInfoKind.BAD,
    recordId: r.id,
    title: `${RANKING_SUBJECT_LABELS[r.subject]}业主评价连续${months.length}个月排名${r.direction === 'TOP' ? '前十' : '倒十'}`,
    content: `${r.subjectName}：${months.map(([month, rank]) => `${month} ${r.direction === 'TOP' ? '第' : '倒数第'}${rank}名`).join('，')}`,
    date: `${r.toMonth}-01`,
    issuedBy: '深圳市住房和建设局',
    documentNo: null,
    points: null,
    statusLabel: null,
    validUntil: null,
  };
}

function badRecordItem(r: BadRecord, issuedBy: string | null): CreditInfoItem {
  return {
    source: CreditInfoSource.EVALUATION_BAD_RECORD,
    sourceLabel: CREDIT_INFO_SOURCE_LABELS[CreditInfoSource.EVALUATION_BAD_RECORD],
    kind: CreditInfoKind.BAD,
    recordId: r.id,
    title: r.itemName,
    content: `${r.circumstanceDescription}。${r.description}`,
    date: r.factDate,
    issuedBy,
    documentNo: r.documentNo,
    points: r.points,
    statusLabel: EVALUATION_RECORD_STATUS_LABELS[r.status],
    validUntil: null,
  };
}

function goodRecordItem(r: GoodRecord, issuedBy: string | null): CreditInfoItem {
  return {
    source: CreditInfoSource.EVALUATION_GOOD_RECORD,
    sourceLabel: CREDIT_INFO_SOURCE_LABELS[CreditInfoSource.EVALUATION_GOOD_RECORD],
    kind: CreditInfoKind.GOOD,
    recordId: r.id,
    title: r.itemName,
    content: r.description,
    date: r.awardDate,
    issuedBy,
    documentNo: r.documentNo,
    points: r.points,
    statusLabel: null,
    validUntil: null,
  };
}

function riskListItem(r: RiskListEntry, issuedBy: string | null): CreditInfoItem {
  return {
    source: CreditInfoSource.EVALUATION_RISK_LIST,
    sourceLabel: CREDIT_INFO_SOURCE_LABELS[CreditInfoSource.EVALUATION_RISK_LIST],
    kind: CreditInfoKind.BAD,
    recordId: r.id,
    title: `纳入风险名单：${r.itemName}`,
    content: `${r.circumstanceDescription}。${r.description}`,
    date: r.factDate,
    issuedBy,
    documentNo: r.documentNo,
    points: null,
    statusLabel: EVALUATION_RECORD_STATUS_LABELS[r.status],
    validUntil: null,
  };
}
