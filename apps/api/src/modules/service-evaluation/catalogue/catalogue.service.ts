import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import {
  BadRecordCircumstanceView,
  BadRecordItemView,
  EvaluationSubjectType,
  GoodRecordItemView,
  RiskListCircumstanceView,
  RiskListItemView,
  ServiceEvaluationErrorCode,
  XlsxImportMode,
  XlsxImportReport,
} from '@szpm/contract';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { attributeTo, importRows, readXlsxSheet, UploadedXlsx } from '../../../common/excel/xlsx-import';
import { xlsxSheetDownload, xlsxTemplateDownload } from '../../../common/excel/xlsx-sheet';
import { AppException } from '../../../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import {
  CatalogueQueryDto,
  CreateBadRecordCircumstanceDto,
  CreateBadRecordItemDto,
  CreateGoodRecordItemDto,
  CreateRiskListCircumstanceDto,
  CreateRiskListItemDto,
  UpdateBadRecordCircumstanceDto,
  UpdateBadRecordItemDto,
  UpdateGoodRecordItemDto,
  UpdateRiskListCircumstanceDto,
  UpdateRiskListItemDto,
} from '../dto/catalogue.dto';
import { BadRecordCircumstance } from '../entities/bad-record-circumstance.entity';
import { BadRecordItem } from '../entities/bad-record-item.entity';
import { GoodRecordItem } from '../entities/good-record-item.entity';
import { RiskListCircumstance } from '../entities/risk-list-circumstance.entity';
import { RiskListItem } from '../entities/risk-list-item.entity';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import {
  BAD_RECORD_CATALOGUE_SHEET,
  catalogueRows,
  checkAcrossRows,
  CIRCUMSTANCE_COLUMNS,
  circumstanceState,
  ITEM_COLUMNS,
  itemState,
} from './bad-record-catalogue.sheet';

const byOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) => a.sortOrder - b.sortOrder || a.id - b.id;

export function toBadRecordItemView(item: BadRecordItem, circumstances: BadRecordCircumstance[]): BadRecordItemView {
  return {
    id: item.id,
    code: item.code,
    name: item.name,
    subjectType: item.subjectType,
    countOncePerYear: item.countOncePerYear,
    enabled: item.enabled,
    sortOrder: item.sortOrder,
    circumstances: circumstances.sort(byOrder).map(toBadRecordCircumstanceView),
  };
}

export function toBadRecordCircumstanceView(c: BadRecordCircumstance): BadRecordCircumstanceView {
  return { id: c.id, itemId: c.itemId, code: c.code, description: c.description, level: c.level, points: c.points, publicityMonths: c.publicityMonths, enabled: c.enabled, sortOrder: c.sortOrder };
}

function toRiskListItemView(item: RiskListItem, circumstances: RiskListCircumstance[]): RiskListItemView {
  return {
    id: item.id,
    code: item.code,
    name: item.name,
    subjectType: item.subjectType,
    enabled: item.enabled,
    sortOrder: item.sortOrder,
    circumstances: circumstances.sort(byOrder).map(toRiskListCircumstanceView),
  };
}

function toRiskListCircumstanceView(c: RiskListCircumstance): RiskListCircumstanceView {
  return { id: c.id, itemId: c.itemId, code: c.code, description: c.description, publicityMonths: c.publicityMonths, enabled: c.enabled, sortOrder: c.sortOrder };
}

function toGoodRecordItemView(item: GoodRecordItem): GoodRecordItemView {
  return { id: item.id, code: item.code, name: item.name, subjectType: item.subjectType, points: item.points, enabled: item.enabled, sortOrder: item.sortOrder };
}

const applies = (itemType: EvaluationSubjectType | null, subjectType: EvaluationSubjectType | undefined) =>
  subjectType === undefined || itemType === null || itemType === subjectType;

/**
 * The configurable catalogue of chapter 7 (seeded with defaults by a migration): bad-record items
 * × circumstances → level, points, publicity months; risk-list items × circumstances → publicity
 * months; good-record items → points. Entries are disabled, never deleted, because determined
 * records refer to them.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private repo<T extends ObjectLiteral>(entity: EntityTarget<T>, manager?: EntityManager): Repository<T> {
    return (manager ?? this.dataSource.manager).getRepository(entity);
  }

  // ---- reading --------------------------------------------------------------------------

  async badRecordItems(query: CatalogueQueryDto): Promise<BadRecordItemView[]> {
    const items = (await this.repo(BadRecordItem).find()).filter((i) => (query.includeDisabled || i.enabled) && applies(i.subjectType, query.subjectType));
    const circumstances = await this.repo(BadRecordCircumstance).find();
    return items.sort(byOrder).map((item) =>
      toBadRecordItemView(
        item,
        circumstances.filter((c) => c.itemId === item.id && (query.includeDisabled || c.enabled)),
      ),
    );
  }

  async riskListItems(query: CatalogueQueryDto): Promise<RiskListItemView[]> {
    const items = (await this.repo(RiskListItem).find()).filter((i) => (query.includeDisabled || i.enabled) && applies(i.subjectType, query.subjectType));
    const circumstances = await this.repo(RiskListCircumstance).find();
    return items.sort(byOrder).map((item) =>
      toRiskListItemView(
        item,
        circumstances.filter((c) => c.itemId === item.id && (query.includeDisabled || c.enabled)),
      ),
    );
  }

  async goodRecordItems(query: CatalogueQueryDto): Promise<GoodRecordItemView[]> {
    const items = (await this.repo(GoodRecordItem).find()).filter((i) => (query.includeDisabled || i.enabled) && applies(i.subjectType, query.subjectType));
    return items.sort(byOrder).map(toGoodRecordItemView);
  }

  /** An enabled item and circumstance that fit together and apply to the subject type, for a new record. */
  async usableBadRecordEntry(manager: EntityManager, itemId: number, circumstanceId: number, subjectType: EvaluationSubjectType | undefined): Promise<{ item: BadRecordItem; circumstance: BadRecordCircumstance }> {
    const item = await this.repo(BadRecordItem, manager).findOne({ where: { id: itemId } });
    const circumstance = await this.repo(BadRecordCircumstance, manager).findOne({ where: { id: circumstanceId } });
    if (!item || !circumstance || !item.enabled || !circumstance.enabled || circumstance.itemId !== item.id || !applies(item.subjectType, subjectType)) {
      throw new ServiceEvaluationException(ServiceEvaluationErrorCode.CATALOGUE_ENTRY_NOT_USABLE, { field: !item || !item.enabled ? 'itemId' : 'circumstanceId' });
    }
    return { item, circumstance };
  }

  async usableRiskListEntry(manager: EntityManager, itemId: number, circumstanceId: number, subjectType: EvaluationSubjectType | undefined): Promise<{ item: RiskListItem; circumstance: RiskListCircumstance }> {
    const item = await this.repo(RiskListItem, manager).findOne({ where: { id: itemId } });
    const circumstance = await this.repo(RiskListCircumstance, manager).findOne({ where: { id: circumstanceId } });
    if (!item || !circumstance || !item.enabled || !circumstance.enabled || circumstance.itemId !== item.id || !applies(item.subjectType, subjectType)) {
      throw new ServiceEvaluationException(ServiceEvaluationErrorCode.CATALOGUE_ENTRY_NOT_USABLE, { field: !item || !item.enabled ? 'itemId' : 'circumstanceId' });
    }
    return { item, circumstance };
  }

  async usableGoodRecordItem(manager: EntityManager, itemId: number, subjectType: EvaluationSubjectType | undefined): Promise<GoodRecordItem> {
    const item = await this.repo(GoodRecordItem, manager).findOne({ where: { id: itemId } });
    if (!item || !item.enabled || !applies(item.subjectType, subjectType)) {
      throw new ServiceEvaluationException(ServiceEvaluationErrorCode.CATALOGUE_ENTRY_NOT_USABLE, { field: 'itemId' });
    }
    return item;
  }

  // ---- maintenance (city admins) -----------------------------------------------------------

  // `manager`: the import's transaction; a single create or update runs on its own

  async createBadRecordItem(dto: CreateBadRecordItemDto, manager?: EntityManager): Promise<BadRecordItemView> {
    await this.assertCodeFree(BadRecordItem, dto.code, manager);
    const item = await this.repo(BadRecordItem, manager).save(this.repo(BadRecordItem, manager).create({ ...dto, subjectType: dto.subjectType ?? null }));
    return toBadRecordItemView(item, []);
  }

  async updateBadRecordItem(id: number, dto: UpdateBadRecordItemDto, manager?: EntityManager): Promise<BadRecordItemView> {
    const item = await this.findOr404(BadRecordItem, id, '不良信息事项', manager);
    if (dto.code !== undefined && dto.code !== item.code) await this.assertCodeFree(BadRecordItem, dto.code, manager);
    const saved = await this.repo(BadRecordItem, manager).save(Object.assign(item, dto));
    return toBadRecordItemView(saved, await this.repo(BadRecordCircumstance, manager).find({ where: { itemId: id } }));
  }

  async createBadRecordCircumstance(itemId: number, dto: CreateBadRecordCircumstanceDto, manager?: EntityManager): Promise<BadRecordCircumstanceView> {
    await this.findOr404(BadRecordItem, itemId, '不良信息事项', manager);
    await this.assertCircumstanceCodeFree(BadRecordCircumstance, itemId, dto.code, manager);
    return toBadRecordCircumstanceView(await this.repo(BadRecordCircumstance, manager).save(this.repo(BadRecordCircumstance, manager).create({ ...dto, itemId })));
  }

  async updateBadRecordCircumstance(id: number, dto: UpdateBadRecordCircumstanceDto, manager?: EntityManager): Promise<BadRecordCircumstanceView> {
    const circumstance = await this.findOr404(BadRecordCircumstance, id, '不良信息情形', manager);
    if (dto.code !== undefined && dto.code !== circumstance.code) await this.assertCircumstanceCodeFree(BadRecordCircumstance, circumstance.itemId, dto.code, manager);
    return toBadRecordCircumstanceView(await this.repo(BadRecordCircumstance, manager).save(Object.assign(circumstance, dto)));
  }

  // ---- the bad-record catalogue as a sheet (template, export, import) ----------------------

  badRecordCatalogueTemplate(): StreamableFile {
    return xlsxTemplateDownload(BAD_RECORD_CATALOGUE_SHEET, '不良信息事项及情形导入模板.xlsx');
  }

  async exportBadRecordCatalogue(): Promise<StreamableFile> {
    const items = await this.badRecordItems({ includeDisabled: true });
    return xlsxSheetDownload(BAD_RECORD_CATALOGUE_SHEET, '不良信息事项及情形.xlsx', () => catalogueRows(items));
  }

  /**
   * Imports the sheet: a row's item is created or updated by its code, then its circumstance by
   * its code within the item, each through the same create / update as a single request (same
   * rules, same refusals), all rows in one transaction (see importRows).
   */
  async importBadRecordCatalogue(file: UploadedXlsx | undefined, options: { dryRun: boolean; mode: XlsxImportMode }): Promise<XlsxImportReport> {
    const sheet = await readXlsxSheet(BAD_RECORD_CATALOGUE_SHEET, file, { maxRows: this.config.xlsxImport.maxRows });
    checkAcrossRows(sheet);
    return importRows(this.dataSource, sheet, options, async (manager, { value }) => {
      const item = itemState(value.item);
      const existingItem = await this.repo(BadRecordItem, manager).findOne({ where: { code: item.code } });
      const itemId = await attributeTo(ITEM_COLUMNS, '事项编码', async () =>
        existingItem ? (await this.updateBadRecordItem(existingItem.id, item, manager)).id : (await this.createBadRecordItem(item, manager)).id,
      );
      if (!value.circumstance) return;
      const circumstance = circumstanceState(value.circumstance);
      const existing = await this.repo(BadRecordCircumstance, manager).findOne({ where: { itemId, code: circumstance.code } });
      await attributeTo(CIRCUMSTANCE_COLUMNS, '情形编码', () =>
        existing ? this.updateBadRecordCircumstance(existing.id, circumstance, manager) : this.createBadRecordCircumstance(itemId, circumstance, manager),
      );
    });
  }

  async createRiskListItem(dto: CreateRiskListItemDto): Promise<RiskListItemView> {
    await this.assertCodeFree(RiskListItem, dto.code);
    const item = await this.repo(RiskListItem).save(this.repo(RiskListItem).create({ ...dto, subjectType: dto.subjectType ?? null }));
    return toRiskListItemView(item, []);
  }

  async updateRiskListItem(id: number, dto: UpdateRiskListItemDto): Promise<RiskListItemView> {
    const item = await this.findOr404(RiskListItem, id, '风险名单事项');
    if (dto.code !== undefined && dto.code !== item.code) await this.assertCodeFree(RiskListItem, dto.code);
    const saved = await this.repo(RiskListItem).save(Object.assign(item, dto));
    return toRiskListItemView(saved, await this.repo(RiskListCircumstance).find({ where: { itemId: id } }));
  }

  async createRiskListCircumstance(itemId: number, dto: CreateRiskListCircumstanceDto): Promise<RiskListCircumstanceView> {
    await this.findOr404(RiskListItem, itemId, '风险名单事项');
    await this.assertCircumstanceCodeFree(RiskListCircumstance, itemId, dto.code);
    return toRiskListCircumstanceView(await this.repo(RiskListCircumstance).save(this.repo(RiskListCircumstance).create({ ...dto, itemId })));
  }

  async updateRiskListCircumstance(id: number, dto: UpdateRiskListCircumstanceDto): Promise<RiskListCircumstanceView> {
    const circumstance = await this.findOr404(RiskListCircumstance, id, '风险名单情形');
    if (dto.code !== undefined && dto.code !== circumstance.code) await this.assertCircumstanceCodeFree(RiskListCircumstance, circumstance.itemId, dto.code);
    return toRiskListCircumstanceView(await this.repo(RiskListCircumstance).save(Object.assign(circumstance, dto)));
  }

  async createGoodRecordItem(dto: CreateGoodRecordItemDto): Promise<GoodRecordItemView> {
    await this.assertCodeFree(GoodRecordItem, dto.code);
    return toGoodRecordItemView(await this.repo(GoodRecordItem).save(this.repo(GoodRecordItem).create({ ...dto, subjectType: dto.subjectType ?? null })));
  }

  async updateGoodRecordItem(id: number, dto: UpdateGoodRecordItemDto): Promise<GoodRecordItemView> {
    const item = await this.findOr404(GoodRecordItem, id, '良好信息事项');
    if (dto.code !== undefined && dto.code !== item.code) await this.assertCodeFree(GoodRecordItem, dto.code);
    return toGoodRecordItemView(await this.repo(GoodRecordItem).save(Object.assign(item, dto)));
  }

  private async findOr404<T extends { id: number }>(entity: EntityTarget<T>, id: number, label: string, manager?: EntityManager): Promise<T> {
    const row = await this.repo(entity, manager).findOne({ where: { id } as never });
    if (!row) throw AppException.notFound(label);
    return row;
  }

  private async assertCodeFree<T extends { code: string }>(entity: EntityTarget<T>, code: string, manager?: EntityManager): Promise<void> {
    if (await this.repo(entity, manager).exists({ where: { code } as never })) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.CATALOGUE_CODE_TAKEN, { field: 'code' });
  }

  private async assertCircumstanceCodeFree<T extends { code: string; itemId: number }>(entity: EntityTarget<T>, itemId: number, code: string, manager?: EntityManager): Promise<void> {
    if (await this.repo(entity, manager).exists({ where: { code, itemId } as never })) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.CATALOGUE_CODE_TAKEN, { field: 'code' });
  }
}
