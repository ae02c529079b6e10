import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { EmployerKind, PractitionerItem, PractitionerStatus, XlsxImportMode, XlsxImportReport } from '@szpm/contract';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { XlsxColumn, xlsxDownload } from '../../common/excel/xlsx-export';
import { attributeTo, importRows, readXlsxSheet, UploadedXlsx } from '../../common/excel/xlsx-import';
import { writerColumns } from '../../common/excel/xlsx-sheet';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { Region } from '../regions/entities/region.entity';
import { Practitioner } from './entities';
import { checkAcrossRows, PRACTITIONER_COLUMN, PRACTITIONER_FIELD_COLUMNS, PRACTITIONER_SHEET } from './practitioner.sheet';
import { inputOf, PractitionersService } from './practitioners.service';

/** rows read per query while a district's practitioners stream */
const BATCH = 1000;

/**
 * The roster as xlsx, all from PRACTITIONER_SHEET: the project manager's template, export and
 * import of the own project (dry run writes nothing); and the district's practitioners, streamed.
 */
@Injectable()
export class PractitionerSheetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly practitioners: PractitionersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async template(actor: Actor, areaId: number): Promise<StreamableFile> {
    const area = await this.practitioners.ownArea(actor, areaId);
    return xlsxDownload(`${area.name}从业人员导入模板.xlsx`, {
      title: `${PRACTITIONER_SHEET.title}导入模板（${area.name}）`,
      sheets: [{ name: PRACTITIONER_SHEET.sheetName, columns: writerColumns(PRACTITIONER_SHEET), rows: () => [] }],
    });
  }

  /** 导出 of the own project: the on-duty roster as it imports back. */
  async exportArea(actor: Actor, areaId: number): Promise<StreamableFile> {
    const area = await this.practitioners.ownArea(actor, areaId);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the roster of the manager's own project (ownArea checked it)
    const rows = await this.dataSource.getRepository(Practitioner).find({ where: { propertyAreaId: area.id, status: PractitionerStatus.ON_DUTY }, order: { id: 'ASC' } });
    const items = await this.practitioners.items(actor, rows);
    return xlsxDownload(`${area.name}从业人员.xlsx`, { title: `${PRACTITIONER_SHEET.title}（${area.name}）`, sheets: [{ name: PRACTITIONER_SHEET.sheetName, columns: writerColumns(PRACTITIONER_SHEET), rows: () => items }] });
  }

  /**
   * 导入 of the own project: each row through PractitionersService.write (the rules of a single add
   * or edit) and writeCertificate, in one transaction; every written row stamps the roster.
   */
  async import(actor: Actor, areaId: number, file: UploadedXlsx | undefined, options: { dryRun: boolean; mode: XlsxImportMode }): Promise<XlsxImportReport> {
    const area = await this.practitioners.ownArea(actor, areaId);
    const sheet = await readXlsxSheet(PRACTITIONER_SHEET, file, { maxRows: this.config.xlsxImport.maxRows });
    checkAcrossRows(sheet);
    return importRows(this.dataSource, sheet, options, async (manager, { value }) => {
      const input = inputOf(value);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the on-duty person of the manager's own project with the row's ID number
      const target = await manager.getRepository(Practitioner).findOne({ where: { propertyAreaId: area.id, idNumber: input.idNumber, status: PractitionerStatus.ON_DUTY } });
      const saved = await attributeTo(PRACTITIONER_FIELD_COLUMNS, PRACTITIONER_COLUMN.name, () => this.practitioners.write(manager, area, input, target));
      if (value.certificateType && value.certNo && value.issuedAt && value.expiresAt) {
        const certificate = { type: value.certificateType, certNo: value.certNo, issuedAt: value.issuedAt, expiresAt: value.expiresAt };
        await attributeTo(PRACTITIONER_FIELD_COLUMNS, PRACTITIONER_COLUMN.certificateType, () => this.practitioners.writeCertificate(manager, saved, certificate));
      }
      await this.practitioners.stamp(manager, area, actor);
    });
  }

  /**
   * The district's practitioners (区局 their own; 市局 names the district), on duty, project staff
   * with their street, community and project before the sheet's columns; streamed by id in batches.
   */
  async exportDistrict(actor: Actor, requested: number | undefined, kind: EmployerKind | undefined): Promise<StreamableFile> {
    const districtId = this.scope.districtFilter(actor, requested);
    if (districtId === null) throw AppException.invalidField('districtId', '市局账号导出从业人员须选择行政区');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the name of the district districtFilter just admitted
    const district = await this.dataSource.getRepository(Region).findOne({ where: { id: districtId } });
    if (!district) throw AppException.invalidField('districtId', 'districtId对应的行政区不存在');
    const regionNames = new Map<number, string>();
    const rows = async function* (this: PractitionerSheetService): AsyncIterable<{ item: PractitionerItem; row: Practitioner }> {
      for await (const batch of this.batches(actor, (qb) => {
        qb.andWhere('p.districtId = :districtId AND p.status = :onDuty', { districtId, onDuty: PractitionerStatus.ON_DUTY });
        if (kind) qb.andWhere('p.employerKind = :kind', { kind });
      })) {
        const ids = [...new Set(batch.flatMap((p) => [p.streetId, p.communityId]).filter((id): id is number => id !== null && !regionNames.has(id)))];
        if (ids.length) {
          // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the streets and communities of rows the scoped query returned
          for (const r of await this.dataSource.getRepository(Region).createQueryBuilder('r').select(['r.id', 'r.name']).where('r.id IN (:...ids)', { ids }).getMany()) regionNames.set(r.id, r.name);
        }
        const items = await this.practitioners.items(actor, batch);
        for (let i = 0; i < batch.length; i++) yield { item: items[i], row: batch[i] };
      }
    }.bind(this);
    const name = (id: number | null) => (id === null ? '' : (regionNames.get(id) ?? ''));
    const placeColumns: Array<XlsxColumn<{ item: PractitionerItem; row: Practitioner }>> = [
      { header: '类别', width: 14, value: (r) => (r.item.employerKind === EmployerKind.PROJECT ? '项目从业人员' : '企业从业人员') },
      { header: '物业服务企业', width: 28, value: (r) => r.item.companyName },
      { header: '街道', width: 12, value: (r) => name(r.row.streetId) },
      { header: '社区', width: 14, value: (r) => name(r.row.communityId) },
      { header: '物业项目', width: 24, value: (r) => r.item.propertyAreaName },
    ];
    const personColumns = writerColumns(PRACTITIONER_SHEET).map((c): XlsxColumn<{ item: PractitionerItem; row: Practitioner }> => ({ ...c, choices: undefined, value: (r) => c.value(r.item) }));
    const title = `${district.name}从业人员信息`;
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [{ name: title, columns: [...placeColumns, ...personColumns], rows }] });
  }

  private async *batches(actor: Actor, where: (qb: SelectQueryBuilder<Practitioner>) => unknown): AsyncIterable<Practitioner[]> {
    let after = 0;
    for (;;) {
      const qb = this.practitioners.practitioners(actor).query('p');
      where(qb);
      const batch = await qb.andWhere('p.id > :after', { after }).orderBy('p.id', 'ASC').take(BATCH).getMany();
      if (!batch.length) return;
      yield batch;
      after = batch[batch.length - 1].id;
    }
  }
}
