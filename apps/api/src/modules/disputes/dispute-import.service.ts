import { Inject, Injectable } from '@nestjs/common';
import { DISPUTE_FORM_TYPE, DisputeOutcome, Role, WorkflowAction, WorkflowOrigin, WorkflowStatus, XlsxImportMode, XlsxImportReport } from '@szpm/contract';
import { DataSource, EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { importCheckedRows, readXlsxSheet, UploadedXlsx, XlsxRowError } from '../../common/excel/xlsx-import';
import { xlsxTemplateDownload } from '../../common/excel/xlsx-sheet';
import { shanghaiDate, startOfShanghaiDay } from '../../common/http/shanghai-time';
import { inChunks, insertRows, IDS_PER_STATEMENT } from '../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { WorkflowActionRecord } from '../workflow/entities/workflow-action-record.entity';
import { WorkflowCase } from '../workflow/entities/workflow-case.entity';
import { toStoredPayload } from '../workflow/workflow-payload';
import { WorkflowTransactions } from '../workflow/workflow-transactions';
import { contentColumns, DISPUTE_BUSINESS_NO_PREFIX, DISPUTE_ENTRY_ROLES, handlingColumns } from './dispute.form';
import { DISPUTE_IMPORT_COLUMN as COLUMN, DISPUTE_IMPORT_SHEET, DisputeImportRowDto } from './dispute-import.sheet';
import { DisputePayload } from './dto/dispute.dto';
import { DisputeCase } from './entities/dispute-case.entity';
import { DisputeCategory } from './entities/dispute-category.entity';
import { DisputeImportBatch } from './entities/dispute-import-batch.entity';

/** A checked row, ready to be written. */
interface AcceptedRow {
  payload: DisputePayload;
  enteredAt: Date;
  closedAt: Date;
}

const PETITION_KEYS = ['petitionNo', 'petitioner', 'petitionerPhone', 'petitionForm', 'petitionDate', 'petitionCollective', 'petitionCategory'] as const;
const PETITION_REQUIRED = ['petitioner', 'petitionForm', 'petitionDate', 'petitionCollective', 'petitionCategory'] as const;
/** noon of a Shanghai day: an imported day's instant, inside the day whatever the reader's zone */
const middayOf = (date: string) => new Date(startOfShanghaiDay(date).getTime() + 12 * 3600_000);

/**
 * 已办结台账导入: finished cases entered in a batch from the kit's template. Every row is checked
 * (regions and 小区 by name within the officer's district, the category, the dates in order, a
 * complete 信访 block) against lookups loaded once, through the kit's importCheckedRows (the dry
 * run, all-or-nothing and valid-rows report as every import does); the accepted rows are then
 * written in one transaction as closed cases (workflow case, its 历程 entry naming the batch, the
 * ledger row) by multi-row inserts: 10,000 rows a sheet are the bench's size.
 */
@Injectable()
export class DisputeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly transactions: WorkflowTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  template() {
    return xlsxTemplateDownload(DISPUTE_IMPORT_SHEET, '纠纷化解台账导入模板.xlsx');
  }

  async import(actor: Actor, file: UploadedXlsx | undefined, options: { dryRun: boolean; mode: XlsxImportMode }): Promise<XlsxImportReport> {
    if (!(DISPUTE_ENTRY_ROLES as readonly Role[]).includes(actor.role) || actor.districtId === null) throw AppException.forbidden('只有区局经办人可以导入台账');
    const districtId = actor.districtId;
    const sheet = await readXlsxSheet(DISPUTE_IMPORT_SHEET, file, { maxRows: this.config.xlsxImport.maxRows });
    const lookup = await this.lookup(actor, districtId);
    const today = shanghaiDate(new Date());
    return importCheckedRows(
      sheet,
      options,
      ({ value }) => this.check(value, lookup, today),
      (accepted) => this.dataSource.transaction((manager) => this.write(manager, actor, districtId, file!.originalname, accepted)),
    );
  }

  /** The district's streets, communities, areas and the categories, by name. */
  private async lookup(actor: Actor, districtId: number) {
    const regions = await this.scope.repository(actor, Region, '街道').query('r').andWhere('r.districtId = :districtId', { districtId }).getMany();
    const streets = new Map(regions.filter((r) => r.level === RegionLevel.STREET).map((r) => [r.name, r]));
    const communities = new Map(regions.filter((r) => r.level === RegionLevel.COMMUNITY).map((r) => [`${r.parentId}\u0000${r.name}`, r]));
    const areaRows = await this.scope.repository(actor, PropertyArea, '小区').query('a').select(['a.id', 'a.name', 'a.communityId']).andWhere('a.districtId = :districtId', { districtId }).getMany();
    const areas = new Map(areaRows.map((a) => [`${a.communityId}\u0000${a.name}`, a]));
    const categories = new Map((await this.dataSource.getRepository(DisputeCategory).find()).map((c) => [c.name, c]));
    return { streets, communities, areas, categories };
  }

  private check(value: DisputeImportRowDto, lookup: Awaited<ReturnType<DisputeImportService['lookup']>>, today: string): AcceptedRow {
    const street = lookup.streets.get(value.street.trim());
    if (!street) throw new XlsxRowError(COLUMN.street, `本区没有名为“${value.street}”的街道`);
    const community = lookup.communities.get(`${street.id}\u0000${value.community.trim()}`);
    if (!community) throw new XlsxRowError(COLUMN.community, `${street.name}没有名为“${value.community}”的社区`);
    const area = lookup.areas.get(`${community.id}\u0000${value.propertyArea.trim()}`);
    if (!area) throw new XlsxRowError(COLUMN.propertyArea, `${community.name}没有名为“${value.propertyArea}”的小区`);
    const category = lookup.categories.get(value.category.trim());
    if (!category) throw new XlsxRowError(COLUMN.category, `没有名为“${value.category}”的问题分类`);
    if (value.enteredOn > today) throw new XlsxRowError(COLUMN.enteredOn, '录入日期不能晚于今天');
    if (value.deadline < value.enteredOn) throw new XlsxRowError(COLUMN.deadline, '办理时限不能早于录入日期');
    if (value.repliedAt < value.enteredOn) throw new XlsxRowError(COLUMN.repliedAt, '答复日期不能早于录入日期');
    if (value.closedOn < value.repliedAt) throw new XlsxRowError(COLUMN.closedOn, '办结日期不能早于答复日期');
    if (value.closedOn > today) throw new XlsxRowError(COLUMN.closedOn, '办结日期不能晚于今天');
    const hasPetition = PETITION_KEYS.some((key) => value[key] !== undefined && value[key] !== null && value[key] !== '');
    if (hasPetition) {
      const missing = PETITION_REQUIRED.find((key) => value[key] === undefined || value[key] === null || value[key] === '');
      if (missing) throw new XlsxRowError(COLUMN[missing], `填写信访信息时${COLUMN[missing]}为必填项`);
    }
    const payload: DisputePayload = {
      streetId: street.id,
      communityId: community.id,
      propertyAreaId: area.id,
      propertyAreaName: area.name,
      address: value.address ?? null,
      categoryId: category.id,
      categoryName: category.name,
      summary: value.summary,
      demand: value.demand,
      peopleCount: value.peopleCount,
      applicant: { kind: value.applicantKind, name: value.applicantName, phone: value.applicantPhone ?? null },
      respondent: { kind: value.respondentKind, name: value.respondentName, phone: value.respondentPhone ?? null },
      source: value.source,
      urgency: value.urgency,
      petition: hasPetition
        ? { petitionNo: value.petitionNo ?? null, petitioner: value.petitioner!, phone: value.petitionerPhone ?? null, form: value.petitionForm!, date: value.petitionDate!, collective: value.petitionCollective!, category: value.petitionCategory! }
        : null,
      deadline: value.deadline,
      handling: { disposal: value.disposal, outcome: value.outcome, repliedAt: value.repliedAt, handlingNote: value.handlingNote, issues: value.issues ?? null },
    };
    return { payload, enteredAt: middayOf(value.enteredOn), closedAt: middayOf(value.closedOn) };
  }

  private async write(manager: EntityManager, actor: Actor, districtId: number, fileName: string, rows: AcceptedRow[]): Promise<void> {
    const me = actor.onBehalfOfId ?? actor.accountId;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a batch of the importer's own district (actor.districtId)
    const batch = await manager.save(DisputeImportBatch, manager.create(DisputeImportBatch, { batchNo: `DI-${Date.now()}`, districtId, fileName: fileName.slice(0, 255), rows: rows.length, importedById: me, importedByName: actor.name }));
    const batchNo = `DI-${shanghaiDate(new Date()).replace(/-/g, '')}-${batch.id}`;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the batch just written
    await manager.update(DisputeImportBatch, { id: batch.id }, { batchNo });
    const numbers = await this.transactions.nextBusinessNos(manager, DISPUTE_BUSINESS_NO_PREFIX, rows.length);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- closed cases of the importer's own district, checked row by row against its regions
    await insertRows(manager, WorkflowCase, rows.map((row, i) => ({
      businessNo: numbers[i],
      formType: DISPUTE_FORM_TYPE,
      origin: WorkflowOrigin.OFFICER,
      status: WorkflowStatus.APPROVED,
      districtId,
      streetId: null,
      subjectType: 'PROPERTY_AREA',
      subjectId: row.payload.propertyAreaId,
      subjectName: (row.payload.propertyAreaName ?? '').slice(0, 128),
      title: `${row.payload.categoryName}：${row.payload.summary}`.slice(0, 200),
      payload: toStoredPayload(row.payload),
      originalPayload: toStoredPayload(row.payload),
      initiatorId: me,
      initiatorName: actor.name,
      initiatorRole: actor.role,
      initiatorUnitCategory: null,
      initiatorUnitId: null,
      entryActorId: me,
      version: 1,
      finishedAt: row.closedAt,
    })) as unknown as Array<QueryDeepPartialEntity<WorkflowCase>>);
    const ids = new Map<string, number>();
    for (const chunk of inChunks(numbers, IDS_PER_STATEMENT)) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the ids of the cases just inserted, by their business numbers
      for (const found of await manager.find(WorkflowCase, { where: { businessNo: In(chunk) }, select: { id: true, businessNo: true } })) ids.set(found.businessNo, found.id);
    }
    await insertRows(manager, WorkflowActionRecord, rows.map((row, i) => ({
      caseId: ids.get(numbers[i])!,
      seq: 1,
      action: WorkflowAction.CREATE,
      fromStatus: null,
      toStatus: WorkflowStatus.APPROVED,
      actorId: me,
      actorName: actor.name,
      actorRole: actor.role,
      onBehalfOfId: actor.onBehalfOfId,
      onBehalfOfName: actor.onBehalfOfName,
      opinion: null,
      remark: `已办结台账导入，导入批次 ${batchNo}`,
      attachmentIds: [],
    })));
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the ledger rows of the cases just written in the importer's district
    await insertRows(manager, DisputeCase, rows.map((row, i) => ({
      workflowCaseId: ids.get(numbers[i])!,
      businessNo: numbers[i],
      districtId,
      streetId: row.payload.streetId,
      communityId: row.payload.communityId,
      ...contentColumns(row.payload),
      ...handlingColumns(row.payload),
      status: WorkflowStatus.APPROVED,
      closed: true,
      withStreet: false,
      transferredAt: null,
      transferCount: 0,
      sendBackCount: 0,
      handledById: me,
      closedAt: row.closedAt,
      followUp: row.payload.handling!.outcome === DisputeOutcome.CLOSED_UNSETTLED,
      handlingDays: Math.round((Date.parse(shanghaiDate(row.closedAt)) - Date.parse(shanghaiDate(row.enteredAt))) / 86_400_000),
      enteredAt: row.enteredAt,
      enteredById: me,
      enteredByName: actor.name,
      importBatchId: batch.id,
      version: 1,
      remindedBeforeFor: null,
      remindedDueFor: null,
    })));
  }
}
