import { Inject, Injectable, OnModuleInit, StreamableFile } from '@nestjs/common';
import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_LEDGER_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  DisputeExportStart,
  DisputeLedger,
  DisputeSummary,
  DOWNLOAD_STARTED_MESSAGE,
  ModuleKey,
} from '@szpm/contract';
import { DataSource } from 'typeorm';
import { Actor } from '../../access/actor';
import { inBatches, writeXlsx, xlsxDownload, XlsxColumn, XlsxWorkbookSpec } from '../../common/excel/xlsx-export';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { dialectOf } from '../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { reportingProgress } from '../downloads/download-producer';
import { DownloadsService } from '../downloads/downloads.service';
import { DisputeLedgerFilter, ledgerCondition, ledgerQueries, ledgerRows } from './dispute-ledger';
import { toDisputeSummary } from './dispute-views';
import { DisputesService } from './disputes.service';
import { DisputeLedgerQueryDto } from './dto/dispute.dto';

export const DISPUTE_LEDGER_DOWNLOAD = 'disputes.ledger';
const BATCH = 1000;

const minute = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)) + ' ' + new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16) : '');

/** The ledger's columns in the export, in the order of the screen. */
export const DISPUTE_LEDGER_COLUMNS: Array<XlsxColumn<DisputeSummary>> = [
  { header: '编号', width: 20, value: (r) => r.businessNo },
  { header: '状态', width: 16, value: (r) => r.statusLabel },
  { header: '所属区域', width: 10, value: (r) => r.districtName },
  { header: '所属街道', width: 12, value: (r) => r.streetName },
  { header: '所属社区', width: 12, value: (r) => r.communityName },
  { header: '小区名称', width: 20, value: (r) => r.propertyAreaName },
  { header: '问题分类', width: 16, value: (r) => r.categoryName },
  { header: '纠纷简述', width: 40, value: (r) => r.summary },
  { header: '涉及人数', width: 8, value: (r) => r.peopleCount },
  { header: '来源', width: 10, value: (r) => DISPUTE_SOURCE_LABELS[r.source] },
  { header: '紧急程度', width: 8, value: (r) => DISPUTE_URGENCY_LABELS[r.urgency] },
  { header: '办理时限', width: 12, value: (r) => r.deadline },
  { header: '是否超期', width: 8, value: (r) => (r.overdue ? '是' : '否') },
  { header: '处置方式', width: 8, value: (r) => (r.disposal ? DISPUTE_DISPOSAL_LABELS[r.disposal] : '') },
  { header: '处置情况', width: 12, value: (r) => (r.outcome ? DISPUTE_OUTCOME_LABELS[r.outcome] : '') },
  { header: '答复日期', width: 12, value: (r) => r.repliedAt ?? '' },
  { header: '化解疏导情况', width: 40, value: (r) => r.handlingNote ?? '' },
  { header: '驳回重报次数', width: 8, value: (r) => r.sendBackCount },
  { header: '录入人', width: 10, value: (r) => r.enteredByName },
  { header: '录入时间', width: 17, value: (r) => minute(r.enteredAt) },
  { header: '办结时间', width: 17, value: (r) => minute(r.closedAt) },
  { header: '导入批次', width: 20, value: (r) => r.importBatchNo ?? '' },
];

/**
 * 导出 of a ledger: exactly the filtered ledger, read in batches by id and streamed into the
 * workbook (a district's 50,000 cases never sit in memory). Up to DISPUTE_EXPORT_STREAM_MAX_ROWS
 * rows it streams in the response; a larger ledger becomes a background download (下载列表).
 */
@Injectable()
export class DisputeExportService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disputes: DisputesService,
    private readonly downloads: DownloadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.downloads.register(DISPUTE_LEDGER_DOWNLOAD, {
      module: ModuleKey.DISPUTES,
      produce: async (context, output) => {
        const query = context.params as DisputeLedgerQueryDto;
        const filter = await this.disputes.ledgerFilter(context.actor, query);
        context.setTotal(await this.count(filter));
        await writeXlsx(output, this.workbook(filter, (rows) => reportingProgress(rows, context)));
      },
    });
  }

  /** GET /api/disputes/export: the file, or the background download that will hold it. */
  async export(actor: Actor, query: DisputeLedgerQueryDto): Promise<StreamableFile | DisputeExportStart> {
    const filter = await this.disputes.ledgerFilter(actor, query);
    const fileName = `${DISPUTE_LEDGER_LABELS[filter.ledger]}_${shanghaiDate(new Date())}.xlsx`;
    if ((await this.count(filter)) > this.config.disputes.exportStreamMaxRows) {
      const { page: _page, pageSize: _pageSize, ...params } = query;
      const started = await this.downloads.start(actor, { kind: DISPUTE_LEDGER_DOWNLOAD, fileName, params });
      return { downloadId: started.id, message: DOWNLOAD_STARTED_MESSAGE };
    }
    return xlsxDownload(fileName, this.workbook(filter, (rows) => rows));
  }

  private async count(filter: DisputeLedgerFilter): Promise<number> {
    const queries = ledgerQueries(filter, { skip: 0, take: 1 }, dialectOf(this.dataSource));
    const [row] = (await this.dataSource.query(queries.count.sql, queries.count.params)) as Array<{ total: unknown }>;
    return Number(row?.total ?? 0);
  }

  private workbook(filter: DisputeLedgerFilter, wrap: (rows: AsyncIterable<DisputeSummary>) => AsyncIterable<DisputeSummary>): XlsxWorkbookSpec {
    return {
      title: DISPUTE_LEDGER_LABELS[filter.ledger ?? DisputeLedger.ALL],
      sheets: [{ name: DISPUTE_LEDGER_LABELS[filter.ledger ?? DisputeLedger.ALL], columns: DISPUTE_LEDGER_COLUMNS, rows: () => wrap(this.rows(filter)) }],
    };
  }

  private rows(filter: DisputeLedgerFilter): AsyncIterable<DisputeSummary> {
    const dialect = dialectOf(this.dataSource);
    const condition = ledgerCondition(filter, dialect);
    return inBatches<DisputeSummary, number>(
      async (after) => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the condition carries the door's plainCondition (filter.scope)
        const sql = `SELECT d.id AS id FROM dispute_cases d WHERE ${condition.sql}${after !== null ? ' AND d.id < ?' : ''} ORDER BY d.id DESC LIMIT ${BATCH}`;
        const ids = ((await this.dataSource.query(sql, after !== null ? [...condition.params, after] : condition.params)) as Array<{ id: unknown }>).map((r) => Number(r.id));
        if (!ids.length) return [];
        const names = ledgerRows(ids);
        const rows = (await this.dataSource.query(names.sql, names.params)) as Array<Record<string, unknown>>;
        const byId = new Map(rows.map((r) => [Number(r.id), r]));
        return ids.map((id) => toDisputeSummary(byId.get(id)!, filter.today));
      },
      (row) => row.id,
    );
  }
}


