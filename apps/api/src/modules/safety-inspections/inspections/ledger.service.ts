import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SAFETY_CHECK_KIND_LABELS, SafetyCheckKind, SafetyCheckOutcome, SafetyTargetStatus } from '@szpm/contract';
import { DataSource, Repository } from 'typeorm';
import { Actor } from '../../../access/actor';
import { inBatches, xlsxDownload, XlsxColumn } from '../../../common/excel/xlsx-export';
import { Region } from '../../regions/entities/region.entity';
import { joinAreaContext } from '../../regions/statistics/area-context';
import { SafetyInspectionItem } from '../entities/safety-inspection-item.entity';
import { SafetyInspectionResult } from '../entities/safety-inspection-result.entity';
import { SafetyInspectionTarget } from '../entities/safety-inspection-target.entity';
import { InspectionsService, toAreaItem } from './inspections.service';

const BATCH = 500;

/** 'YYYY-MM-DD HH:mm' in Shanghai time, as the ledger shows times. */
export function shanghaiMinute(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

interface LedgerRow {
  index: number;
  streetName: string;
  communityName: string;
  propertyAreaName: string;
  propertyAreaCode: string;
  companyName: string;
  projectManagerName: string;
  statusLabel: string;
  overdue: boolean;
  submitted: boolean;
  submittedByName: string;
  submittedAt: string;
  passCount: number;
  failCount: number;
  notApplicableCount: number;
  problems: string;
}

interface ProblemRow {
  index: number;
  streetName: string;
  communityName: string;
  propertyAreaName: string;
  companyName: string;
  indicatorName: string;
  content: string;
  facility: string;
  note: string;
}

const counted = (row: LedgerRow, value: number) => (row.submitted ? value : null);

const LEDGER_COLUMNS: Array<XlsxColumn<LedgerRow>> = [
  { header: '序号', width: 6, value: (r) => r.index },
  { header: '街道', width: 12, value: (r) => r.streetName },
  { header: '社区', width: 14, value: (r) => r.communityName },
  { header: '物业项目', width: 24, value: (r) => r.propertyAreaName },
  { header: '项目编号', width: 16, value: (r) => r.propertyAreaCode },
  { header: '物业服务企业', width: 28, value: (r) => r.companyName },
  { header: '项目负责人', width: 10, value: (r) => r.projectManagerName },
  { header: '填报状态', width: 10, value: (r) => r.statusLabel },
  { header: '是否逾期', width: 8, value: (r) => (r.overdue ? '是' : '否') },
  { header: '提交人', width: 10, value: (r) => r.submittedByName },
  { header: '提交时间', width: 17, value: (r) => r.submittedAt },
  { header: '合格项', width: 8, value: (r) => counted(r, r.passCount) },
  { header: '不合格项', width: 8, value: (r) => counted(r, r.failCount) },
  { header: '不涉及项', width: 8, value: (r) => counted(r, r.notApplicableCount) },
  { header: '发现问题', width: 60, value: (r) => r.problems },
];

const PROBLEM_COLUMNS: Array<XlsxColumn<ProblemRow>> = [
  { header: '序号', width: 6, value: (r) => r.index },
  { header: '街道', width: 12, value: (r) => r.streetName },
  { header: '社区', width: 14, value: (r) => r.communityName },
  { header: '物业项目', width: 24, value: (r) => r.propertyAreaName },
  { header: '物业服务企业', width: 28, value: (r) => r.companyName },
  { header: '检查指标', width: 12, value: (r) => r.indicatorName },
  { header: '检查子项', width: 40, value: (r) => r.content },
  { header: '设施设备', width: 14, value: (r) => r.facility },
  { header: '问题说明', width: 50, value: (r) => r.note },
];

/**
 * 总体情况台账: every area of one inspection with its status, counts and the problems found, and a
 * second sheet listing each failed item. Streamed: areas and problems are read in batches while
 * the workbook is written, so a city-scale inspection exports in constant memory.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the district of an inspection the door has just returned
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  async export(actor: Actor, id: number): Promise<StreamableFile> {
    // scope and existence are checked before the first byte goes out
    const inspection = await this.inspections.inspections(actor).findById(id);
    const district = await this.regions.findOneBy({ id: inspection.districtId });
    const title = `${district?.name ?? ''}${inspection.title}总体情况台账`;
    return xlsxDownload(`${title}.xlsx`, {
      title: `${title}（${SAFETY_CHECK_KIND_LABELS[inspection.kind as SafetyCheckKind]}，截止${inspection.deadline}）`,
      sheets: [
        { name: '总体情况台账', columns: LEDGER_COLUMNS, rows: () => this.ledgerRows(id, inspection.deadline) },
        { name: '问题明细', columns: PROBLEM_COLUMNS, rows: () => this.problemRows(id) },
      ],
    });
  }

  private async *ledgerRows(inspectionId: number, deadline: string): AsyncIterable<LedgerRow> {
    let index = 0;
    let after = 0;
    for (;;) {
      const batch = await this.inspections
        .selectAreaRows(this.targets(inspectionId).andWhere('t.id > :after', { after }))
        .orderBy('t.id', 'ASC')
        .limit(BATCH)
        .getRawMany<Record<string, unknown>>();
      if (!batch.length) return;
      const problems = await this.problemsOf(batch.filter((r) => r.status === SafetyTargetStatus.SUBMITTED).map((r) => Number(r.targetId)));
      for (const raw of batch) {
        const item = toAreaItem(raw, deadline);
        const submitted = item.status === SafetyTargetStatus.SUBMITTED;
        yield {
          index: ++index,
          streetName: item.streetName,
          communityName: item.communityName,
          propertyAreaName: item.propertyAreaName,
          propertyAreaCode: String(raw.propertyAreaCode ?? ''),
          companyName: item.companyName ?? '',
          projectManagerName: item.projectManagerName ?? '',
          statusLabel: item.statusLabel,
          overdue: item.overdue,
          submitted,
          submittedByName: (raw.submittedByName as string | null) ?? '',
          submittedAt: shanghaiMinute(item.submittedAt),
          passCount: item.passCount,
          failCount: item.failCount,
          notApplicableCount: item.notApplicableCount,
          problems: submitted ? (problems.get(item.targetId) ?? []).join('\n') : '',
        };
      }
      after = Number(batch[batch.length - 1].targetId);
    }
  }

  private async *problemRows(inspectionId: number): AsyncIterable<ProblemRow> {
    let index = 0;
    const rows = inBatches(
      (after: number | null) =>
        this.targets(inspectionId)
          .innerJoin(SafetyInspectionResult, 'r', 'r.targetId = t.id')
          .innerJoin(SafetyInspectionItem, 'it', 'it.id = r.itemId')
          .andWhere('t.status = :submitted', { submitted: SafetyTargetStatus.SUBMITTED })
          .andWhere('r.outcome = :fail', { fail: SafetyCheckOutcome.FAIL })
          .andWhere('r.id > :after', { after: after ?? 0 })
          .select(['r.id AS resultId', 's.name AS streetName', 'c.name AS communityName', 'a.name AS propertyAreaName', 'pc.name AS companyName'])
          .addSelect(['it.indicatorName AS indicatorName', 'it.content AS content', 'it.facility AS facility', 'r.note AS note'])
          .orderBy('r.id', 'ASC')
          .limit(BATCH)
          .getRawMany<Record<string, unknown>>(),
      (r) => Number(r.resultId),
    );
    for await (const r of rows) {
      yield {
        index: ++index,
        streetName: String(r.streetName ?? ''),
        communityName: String(r.communityName ?? ''),
        propertyAreaName: String(r.propertyAreaName ?? ''),
        companyName: String(r.companyName ?? ''),
        indicatorName: String(r.indicatorName),
        content: String(r.content),
        facility: String(r.facility ?? ''),
        note: String(r.note ?? ''),
      };
    }
  }

  private targets(inspectionId: number) {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- targets of an inspection the caller fetched through the door
    return joinAreaContext(this.dataSource.getRepository(SafetyInspectionTarget).createQueryBuilder('t'), { from: 't' }).where('t.inspectionId = :inspectionId', { inspectionId });
  }

  /** '检查指标 / 子项：说明' per failed item of each target. */
  private async problemsOf(targetIds: number[]): Promise<Map<number, string[]>> {
    const problems = new Map<number, string[]>();
    if (!targetIds.length) return problems;
    const rows = await this.dataSource
      .getRepository(SafetyInspectionResult)
      .createQueryBuilder('r')
      .innerJoin(SafetyInspectionItem, 'it', 'it.id = r.itemId')
      .select(['r.targetId AS targetId', 'it.indicatorName AS indicatorName', 'it.content AS content', 'r.note AS note'])
      .where('r.targetId IN (:...targetIds)', { targetIds })
      .andWhere('r.outcome = :fail', { fail: SafetyCheckOutcome.FAIL })
      .orderBy('r.targetId', 'ASC')
      .addOrderBy('it.indicatorOrder', 'ASC')
      .addOrderBy('it.sortOrder', 'ASC')
      .getRawMany<Record<string, unknown>>();
    for (const r of rows) {
      const targetId = Number(r.targetId);
      problems.set(targetId, [...(problems.get(targetId) ?? []), `${r.indicatorName} / ${r.content}：${r.note ?? ''}`]);
    }
    return problems;
  }
}

