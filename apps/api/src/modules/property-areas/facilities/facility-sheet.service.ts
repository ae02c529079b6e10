import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { FacilityItem, XlsxImportMode, XlsxImportReport } from '@szpm/contract';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { XlsxColumn, XlsxSheet, xlsxDownload } from '../../../common/excel/xlsx-export';
import { attributeTo, importRows, readXlsxSheet, UploadedXlsx, XlsxRowError } from '../../../common/excel/xlsx-import';
import { writerColumns } from '../../../common/excel/xlsx-sheet';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { Region } from '../../regions/entities/region.entity';
import { Building } from '../entities/building.entity';
import { Facility } from './entities';
import { AreaFacilityIndex, FacilitiesService, inputOf, toFacilityItem, WriteContext } from './facilities.service';
import { checkAcrossRows, FACILITY_COLUMN, FACILITY_FIELD_COLUMNS, FACILITY_SHEET } from './facility.sheet';
import { FacilityTypeCatalogue, loadCatalogue } from './facility-type-catalogue';

/** rows read per query while a ledger streams */
const BATCH = 1000;

interface TypeListRow {
  path: string;
  code: string;
  special: boolean;
  enabled: boolean;
}

/** The second worksheet of the template and the export: the names the 设施设备类型 column takes (not read on import). */
function typeListSheet(catalogue: FacilityTypeCatalogue): XlsxSheet<TypeListRow> {
  const columns: Array<XlsxColumn<TypeListRow>> = [
    { header: '设施设备类型（导入时填写）', width: 32, value: (r) => r.path },
    { header: '类型编码', width: 24, value: (r) => r.code },
    { header: '特种设备（须填注册代码和到期日期）', width: 20, value: (r) => (r.special ? '是' : '否') },
    { header: '启用', width: 8, value: (r) => (r.enabled ? '是' : '否') },
  ];
  return {
    name: '设施设备类型',
    columns,
    rows: () => catalogue.inOrder().map((t) => ({ path: catalogue.pathOf(t.id), code: t.code, special: t.isSpecialEquipment, enabled: t.enabled })),
  };
}

interface LedgerRow {
  facility: FacilityItem;
  streetName: string;
  communityName: string;
  propertyAreaName: string;
  propertyAreaCode: string;
}

/**
 * The facility ledger as xlsx, all from FACILITY_SHEET: an area's template, export and import (the
 * export imports back unchanged), and the district's ledger (the same columns after the area's),
 * streamed in batches so that 50,000 rows never sit in memory.
 */
@Injectable()
export class FacilitySheetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly facilities: FacilitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async template(actor: Actor, areaId: number): Promise<StreamableFile> {
    const area = await this.facilities.area(actor, areaId);
    const catalogue = await loadCatalogue(this.dataSource.manager);
    return xlsxDownload(`${area.name}设施设备导入模板.xlsx`, {
      title: `${FACILITY_SHEET.title}导入模板（${area.name}）`,
      sheets: [{ name: FACILITY_SHEET.sheetName, columns: writerColumns(FACILITY_SHEET), rows: () => [] }, typeListSheet(catalogue)],
    });
  }

  /** 导出 of one area: the sheet as it imports, one row per live facility in entry order. */
  async exportArea(actor: Actor, areaId: number): Promise<StreamableFile> {
    const area = await this.facilities.area(actor, areaId);
    const catalogue = await loadCatalogue(this.dataSource.manager);
    const names = new Map((await this.facilities.buildingsOf(actor, area.id)).map((b) => [b.id, b.name]));
    const rows = async function* (this: FacilitySheetService): AsyncIterable<FacilityItem> {
      for await (const batch of this.batches(actor, (qb) => qb.andWhere('f.propertyAreaId = :areaId', { areaId: area.id }))) {
        for (const f of batch) yield toFacilityItem(f, catalogue, names);
      }
    }.bind(this);
    return xlsxDownload(`${area.name}设施设备台账.xlsx`, {
      title: `${FACILITY_SHEET.title}（${area.name}）`,
      sheets: [{ name: FACILITY_SHEET.sheetName, columns: writerColumns(FACILITY_SHEET), rows }, typeListSheet(catalogue)],
    });
  }

  /**
   * The district's ledger (区局 their own; 市局 names the district): every live facility with its
   * street, community and area before the sheet's columns, streamed by id in batches.
   */
  async exportDistrict(actor: Actor, requested: number | undefined): Promise<StreamableFile> {
    const districtId = this.scope.districtFilter(actor, requested);
    if (districtId === null) throw AppException.invalidField('districtId', '市局账号导出设施设备台账须选择行政区');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the name of the district districtFilter just admitted
    const district = await this.dataSource.getRepository(Region).findOne({ where: { id: districtId } });
    if (!district) throw AppException.invalidField('districtId', 'districtId对应的行政区不存在');
    const catalogue = await loadCatalogue(this.dataSource.manager);
    const contexts = new Map<number, Omit<LedgerRow, 'facility'>>();
    const buildingNames = new Map<number, string>();
    const rows = async function* (this: FacilitySheetService): AsyncIterable<LedgerRow> {
      for await (const batch of this.batches(actor, (qb) => qb.andWhere('f.districtId = :districtId', { districtId }))) {
        await this.loadContexts(actor, batch, contexts, buildingNames);
        for (const f of batch) yield { facility: toFacilityItem(f, catalogue, buildingNames), ...contexts.get(f.propertyAreaId)! };
      }
    }.bind(this);
    const areaColumns: Array<XlsxColumn<LedgerRow>> = [
      { header: '街道', width: 12, value: (r) => r.streetName },
      { header: '社区', width: 14, value: (r) => r.communityName },
      { header: '物业区域', width: 24, value: (r) => r.propertyAreaName },
      { header: '项目编号', width: 16, value: (r) => r.propertyAreaCode },
    ];
    const facilityColumns = writerColumns(FACILITY_SHEET).map((c): XlsxColumn<LedgerRow> => ({ ...c, choices: undefined, value: (r) => c.value(r.facility) }));
    const title = `${district.name}设施设备台账`;
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [{ name: title, columns: [...areaColumns, ...facilityColumns], rows }] });
  }

  /**
   * 导入: every row through FacilitiesService.write (the rules of a single create / update), in one
   * transaction. A row updates the area's facility with its 注册代码, else the one with its name +
   * building + unit + position, else adds one (see facility-match.ts).
   */
  async import(actor: Actor, areaId: number, file: UploadedXlsx | undefined, options: { dryRun: boolean; mode: XlsxImportMode }): Promise<XlsxImportReport> {
    const area = await this.facilities.area(actor, areaId);
    const sheet = await readXlsxSheet(FACILITY_SHEET, file, { maxRows: this.config.xlsxImport.maxRows });
    checkAcrossRows(sheet);
    const catalogue = await loadCatalogue(this.dataSource.manager);
    const buildings = await this.facilities.buildingsOf(actor, area.id);
    const existing = new Map<number, Facility>();
    for await (const batch of this.batches(actor, (qb) => qb.andWhere('f.propertyAreaId = :areaId', { areaId: area.id }))) for (const f of batch) existing.set(f.id, f);
    const codes = sheet.rows.map((r) => r.value.registerNumber?.toUpperCase()).filter((c): c is string => !!c);
    const context: WriteContext = {
      area,
      index: new AreaFacilityIndex([...existing.values()]),
      catalogue,
      takenElsewhere: await this.facilities.registerNumbersElsewhere(this.dataSource.manager, area.id, codes),
    };
    return importRows(this.dataSource, sheet, options, async (manager, { value }) => {
      const type = catalogue.resolve(value.type);
      if (!type) throw new XlsxRowError(FACILITY_COLUMN.type, `类型目录中没有“${value.type}”，请按“设施设备类型”工作表填写（如“电梯/乘客电梯”）`);
      const building = value.building === undefined ? null : buildingNamed(buildings, value.building);
      if (value.building !== undefined && !building) throw new XlsxRowError(FACILITY_COLUMN.building, `本物业区域没有楼栋“${value.building}”`);
      const input = inputOf(value, { facilityTypeId: type.id, buildingId: building?.id ?? null });
      const match = context.index.match(input);
      if (match.kind === 'conflict') {
        throw new XlsxRowError(
          match.on === 'registerNumber' ? FACILITY_COLUMN.registerNumber : FACILITY_COLUMN.name,
          match.on === 'registerNumber' ? '本物业区域名称和位置相同的设施设备已登记了另一个注册代码，请核对' : '注册代码对应的设施设备与名称和位置对应的不是同一台，请核对',
        );
      }
      const target = match.kind === 'update' ? existing.get(match.id)! : null;
      // a snapshot, so that a row rolled back (dry run, refused row) leaves the next rows the stored state
      const before = target ? Object.assign(new Facility(), target) : null;
      const saved = await attributeTo(FACILITY_FIELD_COLUMNS, FACILITY_COLUMN.name, () => this.facilities.write(manager, context, input, before));
      // a dry run goes on from the state the rows so far would have written, as the import would
      existing.set(saved.id, saved);
    });
  }

  /** Live facilities of the scope and the condition, by id, BATCH at a time. */
  private async *batches(actor: Actor, where: (qb: SelectQueryBuilder<Facility>) => unknown): AsyncIterable<Facility[]> {
    let after = 0;
    for (;;) {
      const qb = this.facilities.facilities(actor).query('f');
      where(qb);
      const batch = await qb.andWhere('f.id > :after', { after }).orderBy('f.id', 'ASC').take(BATCH).getMany();
      if (!batch.length) return;
      yield batch;
      after = batch[batch.length - 1].id;
    }
  }

  /** Names of the areas and buildings of a batch not seen yet (one query each). */
  private async loadContexts(actor: Actor, batch: Facility[], contexts: Map<number, Omit<LedgerRow, 'facility'>>, buildingNames: Map<number, string>): Promise<void> {
    const areaIds = [...new Set(batch.map((f) => f.propertyAreaId))].filter((id) => !contexts.has(id));
    if (areaIds.length) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- joins only the street and community names of areas the scoped query returns
      const areas = await this.scope
        .repository(actor, PropertyArea, '物业区域')
        .query('a')
        .andWhere('a.id IN (:...areaIds)', { areaIds })
        .leftJoin(Region, 's', 's.id = a.streetId')
        .leftJoin(Region, 'c', 'c.id = a.communityId')
        .select(['a.id AS id', 'a.name AS name', 'a.code AS code', 's.name AS streetName', 'c.name AS communityName'])
        .getRawMany<{ id: number | string; name: string; code: string; streetName: string | null; communityName: string | null }>();
      for (const a of areas) contexts.set(Number(a.id), { propertyAreaName: a.name, propertyAreaCode: a.code, streetName: a.streetName ?? '', communityName: a.communityName ?? '' });
    }
    const buildingIds = [...new Set(batch.map((f) => f.buildingId).filter((id): id is number => id !== null && !buildingNames.has(id)))];
    if (buildingIds.length) {
      const rows = await this.scope.repository(actor, Building, '楼栋').query('b').andWhere('b.id IN (:...buildingIds)', { buildingIds }).select(['b.id', 'b.name']).getMany();
      for (const b of rows) buildingNames.set(b.id, b.name);
    }
  }
}

/** the area's building a sheet names, by name or code */
function buildingNamed(buildings: readonly Building[], text: string): Building | null {
  const wanted = text.trim();
  return buildings.find((b) => b.name === wanted) ?? buildings.find((b) => b.code === wanted) ?? null;
}

