import { Inject, Injectable } from '@nestjs/common';
import {
  AttachmentErrorCode,
  CommonErrorCode,
  DueFacilityItem,
  FacilityDetail,
  FacilityErrorCode,
  FacilityItem,
  FacilityMaintenanceView,
  FacilityRelationType,
  FacilityStatistics,
  FacilityTypeCount,
  MAINTENANCE_CYCLE_LABELS,
  MAINTENANCE_KIND_LABELS,
  Page,
  PropertyAreaErrorCode,
} from '@szpm/contract';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { shanghaiDate } from '../../../common/http/shanghai-time';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../../regions/statistics/area-context';
import { Attachment } from '../../workflow/attachments/attachment.entity';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../../workflow/attachments/attachment-storage';
import { WorkflowException } from '../../workflow/workflow.exception';
import { Building } from '../entities/building.entity';
import { PropertyAreaException } from '../property-areas.exception';
import { CreateFacilityDto, CreateMaintenanceRecordDto, DueFacilitiesQueryDto, FacilityFieldsDto, FacilityListQueryDto, UpdateFacilityDto } from './dto/facility.dto';
import { Facility, FacilityMaintenanceAttachment, FacilityMaintenanceRecord } from './entities';
import { FacilityException } from './facilities.exception';
import { daysLeft, dueUntil } from './facility-due';
import { facilityKey, matchFacility, MatchCandidate } from './facility-match';
import { FacilityTypeCatalogue, loadCatalogue } from './facility-type-catalogue';

/** A facility's own fields as one write sets them (ids resolved, blanks as null). */
export type FacilityInput = Omit<Facility, 'id' | 'districtId' | 'streetId' | 'communityId' | 'propertyAreaId' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export const FACILITY_INPUT_FIELDS: ReadonlyArray<keyof FacilityInput> = [
  'facilityTypeId',
  'name',
  'buildingId',
  'unitName',
  'position',
  'brand',
  'company',
  'quantity',
  'registerNumber',
  'serialNumber',
  'commissionedAt',
  'dueDate',
  'maintenanceCycle',
  'personLiable',
  'originalValue',
  'currentValue',
  'annualInspector',
  'annualCost',
  'enabled',
  'remarks',
];

/** the stored form of the shared fields: create defaults for what was left out, register codes in capitals */
export function inputOf(fields: FacilityFieldsDto, ids: { facilityTypeId: number; buildingId: number | null }): FacilityInput {
  return {
    facilityTypeId: ids.facilityTypeId,
    buildingId: ids.buildingId,
    name: fields.name.trim(),
    unitName: fields.unitName ?? null,
    position: fields.position ?? null,
    brand: fields.brand ?? null,
    company: fields.company ?? null,
    quantity: fields.quantity ?? 1,
    registerNumber: fields.registerNumber ? fields.registerNumber.toUpperCase() : null,
    serialNumber: fields.serialNumber ?? null,
    commissionedAt: fields.commissionedAt ?? null,
    dueDate: fields.dueDate ?? null,
    maintenanceCycle: fields.maintenanceCycle ?? null,
    personLiable: fields.personLiable ?? null,
    originalValue: fields.originalValue ?? null,
    currentValue: fields.currentValue ?? null,
    annualInspector: fields.annualInspector ?? null,
    annualCost: fields.annualCost ?? null,
    enabled: fields.enabled ?? true,
    remarks: fields.remarks ?? null,
  };
}

export function sameInput(facility: Facility, input: FacilityInput): boolean {
  return FACILITY_INPUT_FIELDS.every((field) => (facility[field] ?? null) === (input[field] ?? null));
}

const keyOfStored = (f: Pick<Facility, 'name' | 'buildingId' | 'unitName' | 'position'>) => facilityKey({ name: f.name, building: f.buildingId, unitName: f.unitName, position: f.position });

/**
 * The live facilities of one area, as the uniqueness rules and the import's matching see them:
 * loaded once per write (or once per import) and kept up to date as rows are written.
 */
export class AreaFacilityIndex {
  private readonly candidates = new Map<number, MatchCandidate>();
  private readonly byKey = new Map<string, number>();
  private readonly byCode = new Map<string, number>();

  constructor(rows: ReadonlyArray<Pick<Facility, 'id' | 'name' | 'buildingId' | 'unitName' | 'position' | 'registerNumber'>>) {
    for (const row of rows) this.put(row);
  }

  put(row: Pick<Facility, 'id' | 'name' | 'buildingId' | 'unitName' | 'position' | 'registerNumber'>): void {
    const old = this.candidates.get(row.id);
    if (old) {
      if (this.byKey.get(old.key) === row.id) this.byKey.delete(old.key);
      if (old.registerNumber !== null && this.byCode.get(old.registerNumber) === row.id) this.byCode.delete(old.registerNumber);
    }
    const candidate: MatchCandidate = { id: row.id, registerNumber: row.registerNumber, key: keyOfStored(row) };
    this.candidates.set(row.id, candidate);
    this.byKey.set(candidate.key, row.id);
    if (row.registerNumber !== null) this.byCode.set(row.registerNumber, row.id);
  }

  /** the facilities a row could mean: the one with its code and the one with its name and place */
  private near(input: Pick<FacilityInput, 'name' | 'buildingId' | 'unitName' | 'position' | 'registerNumber'>): MatchCandidate[] {
    const ids = new Set<number>();
    const byCode = input.registerNumber === null ? undefined : this.byCode.get(input.registerNumber);
    const byKey = this.byKey.get(keyOfStored(input));
    if (byCode !== undefined) ids.add(byCode);
    if (byKey !== undefined) ids.add(byKey);
    return [...ids].map((id) => this.candidates.get(id)!);
  }

  match(input: Pick<FacilityInput, 'name' | 'buildingId' | 'unitName' | 'position' | 'registerNumber'>) {
    return matchFacility(this.near(input), { registerNumber: input.registerNumber, key: keyOfStored(input) });
  }

  /** the refusal of a write of `input` to facility `self` (null: a new one) by the area's other facilities */
  clash(input: Pick<FacilityInput, 'name' | 'buildingId' | 'unitName' | 'position' | 'registerNumber'>, self: number | null): FacilityErrorCode | null {
    const key = keyOfStored(input);
    for (const c of this.near(input)) {
      if (c.id === self) continue;
      if (input.registerNumber !== null && c.registerNumber === input.registerNumber) return FacilityErrorCode.REGISTER_NUMBER_TAKEN;
      if (c.key === key) return FacilityErrorCode.DUPLICATE;
    }
    return null;
  }
}

export type AreaOfFacilities = Pick<PropertyArea, 'id' | 'name' | 'districtId' | 'streetId' | 'communityId'>;

/** What one write needs besides its input: the area, its live facilities, the catalogue, and the register codes used in other areas. */
export interface WriteContext {
  area: AreaOfFacilities;
  index: AreaFacilityIndex;
  catalogue: FacilityTypeCatalogue;
  /** register codes held by facilities of other areas; undefined: ask the database */
  takenElsewhere?: ReadonlySet<string>;
}

/**
 * 设施设备信息: the facility ledger of a property area (add, modify, logical delete, enable /
 * disable), maintenance records, per-type statistics and 到期提醒. Every row is reached through the
 * scoped door; the sheet (template / import / export) is FacilitySheetService on top of write().
 */
@Injectable()
export class FacilitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  facilities(actor: Actor, manager?: EntityManager) {
    return this.scope.repository(actor, Facility, '设施设备', manager);
  }

  get defaultWithinDays(): number {
    return this.config.facilities.dueWithinDays;
  }

  /** The area through the scoped door: 404 PROPERTY_AREA_NOT_FOUND, or OUT_OF_DISTRICT. */
  async area(actor: Actor, id: number, manager?: EntityManager): Promise<PropertyArea> {
    try {
      return await this.scope.repository(actor, PropertyArea, '物业区域', manager).findById(id);
    } catch (error) {
      if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw new PropertyAreaException(PropertyAreaErrorCode.NOT_FOUND);
      throw error;
    }
  }

  /** A live facility through the scoped door: 404 FACILITY_NOT_FOUND (also once deleted), or OUT_OF_DISTRICT. */
  async facility(actor: Actor, id: number, manager?: EntityManager): Promise<Facility> {
    try {
      return await this.facilities(actor, manager).findById(id);
    } catch (error) {
      if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw new FacilityException(FacilityErrorCode.NOT_FOUND);
      throw error;
    }
  }

  async areaIndex(actor: Actor, areaId: number, manager?: EntityManager): Promise<AreaFacilityIndex> {
    const rows = await this.facilities(actor, manager)
      .query('f')
      .andWhere('f.propertyAreaId = :areaId', { areaId })
      .select(['f.id', 'f.name', 'f.buildingId', 'f.unitName', 'f.position', 'f.registerNumber'])
      .getMany();
    return new AreaFacilityIndex(rows);
  }

  /** The register codes among `codes` that facilities of other areas hold (a code names one device city-wide). */
  async registerNumbersElsewhere(manager: EntityManager, areaId: number, codes: readonly string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    const unique = [...new Set(codes)];
    for (let i = 0; i < unique.length; i += 1000) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a register code is unique city-wide: only whether another area holds it is revealed, nothing of that facility
      const rows = await manager.getRepository(Facility).find({ select: { registerNumber: true }, where: { registerNumber: In(unique.slice(i, i + 1000)), propertyAreaId: Not(areaId) } });
      for (const row of rows) if (row.registerNumber) taken.add(row.registerNumber);
    }
    return taken;
  }

  /** The buildings of an area (for names in views and sheets). */
  async buildingsOf(actor: Actor, areaId: number, manager?: EntityManager): Promise<Building[]> {
    return this.scope.repository(actor, Building, '楼栋', manager).query('b').andWhere('b.propertyAreaId = :areaId', { areaId }).orderBy('b.id', 'ASC').getMany();
  }

  /**
   * Creates (`target` null) or updates one facility to `input`, with every rule of the ledger:
   * a usable type, a unit only within a building, 注册代码 + 到期日期 for special equipment, and no
   * clash with another facility (same 注册代码 anywhere, same name + place in the area).
   */
  async write(manager: EntityManager, context: WriteContext, input: FacilityInput, target: Facility | null): Promise<Facility> {
    const type = context.catalogue.get(input.facilityTypeId);
    const keepsType = target !== null && target.facilityTypeId === input.facilityTypeId;
    if (!type || (!type.enabled && !keepsType)) throw new FacilityException(FacilityErrorCode.TYPE_NOT_USABLE);
    if (input.unitName !== null && input.buildingId === null) throw new FacilityException(FacilityErrorCode.UNIT_NEEDS_BUILDING);
    if (type.isSpecialEquipment && (input.registerNumber === null || input.dueDate === null)) {
      throw new FacilityException(FacilityErrorCode.SPECIAL_EQUIPMENT_INCOMPLETE, { field: input.registerNumber === null ? 'registerNumber' : 'dueDate' });
    }
    const clash = context.index.clash(input, target?.id ?? null);
    if (clash) throw new FacilityException(clash);
    if (input.registerNumber !== null && input.registerNumber !== target?.registerNumber) {
      const elsewhere = context.takenElsewhere ?? (await this.registerNumbersElsewhere(manager, context.area.id, [input.registerNumber]));
      if (elsewhere.has(input.registerNumber)) throw new FacilityException(FacilityErrorCode.REGISTER_NUMBER_TAKEN);
    }
    if (target && sameInput(target, input)) return target;
    const saved = target
      ? await manager.save(Object.assign(target, input))
      : await manager.save(
          // eslint-disable-next-line szpm/no-raw-scoped-access -- a new facility of the area the caller fetched through the door (its district and street copied from it)
          manager.create(Facility, { ...input, propertyAreaId: context.area.id, districtId: context.area.districtId, streetId: context.area.streetId, communityId: context.area.communityId }),
        );
    context.index.put(saved);
    return saved;
  }

  // ---- the API's single writes ---------------------------------------------------------------

  async create(actor: Actor, areaId: number, dto: CreateFacilityDto): Promise<FacilityItem> {
    return this.dataSource.transaction(async (manager) => {
      const area = await this.area(actor, areaId, manager);
      const buildingId = await this.buildingOfArea(actor, area.id, dto.buildingId ?? null, manager);
      const context: WriteContext = { area, index: await this.areaIndex(actor, area.id, manager), catalogue: await loadCatalogue(manager) };
      const saved = await this.write(manager, context, inputOf(dto, { facilityTypeId: dto.facilityTypeId, buildingId }), null);
      return (await this.items(actor, [saved], context.catalogue, manager))[0];
    });
  }

  async update(actor: Actor, id: number, dto: UpdateFacilityDto): Promise<FacilityItem> {
    return this.dataSource.transaction(async (manager) => {
      const facility = await this.facility(actor, id, manager);
      const area = await this.area(actor, facility.propertyAreaId, manager);
      const merged = { ...currentFields(facility), ...dto } as CreateFacilityDto;
      const buildingId = dto.buildingId === undefined ? facility.buildingId : await this.buildingOfArea(actor, area.id, dto.buildingId, manager);
      const context: WriteContext = { area, index: await this.areaIndex(actor, area.id, manager), catalogue: await loadCatalogue(manager) };
      const saved = await this.write(manager, context, inputOf(merged, { facilityTypeId: merged.facilityTypeId, buildingId }), facility);
      return (await this.items(actor, [saved], context.catalogue, manager))[0];
    });
  }

  /** 删除: logical; the facility leaves every list, lookup and export, its records stay. */
  async remove(actor: Actor, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const facility = await this.facility(actor, id, manager);
      await manager.softRemove(facility);
    });
  }

  async setEnabled(actor: Actor, id: number, enabled: boolean): Promise<FacilityItem> {
    return this.dataSource.transaction(async (manager) => {
      const facility = await this.facility(actor, id, manager);
      if (facility.enabled !== enabled) await manager.save(Object.assign(facility, { enabled }));
      return (await this.items(actor, [facility], await loadCatalogue(manager), manager))[0];
    });
  }

  /** A building id of the request: one of the area's buildings (400 naming buildingId otherwise). */
  private async buildingOfArea(actor: Actor, areaId: number, buildingId: number | null, manager: EntityManager): Promise<number | null> {
    if (buildingId === null) return null;
    const found = await this.scope.repository(actor, Building, '楼栋', manager).query('b').andWhere('b.id = :buildingId', { buildingId }).andWhere('b.propertyAreaId = :areaId', { areaId }).getCount();
    if (!found) throw new FacilityException(FacilityErrorCode.BUILDING_NOT_IN_AREA);
    return buildingId;
  }

  // ---- reading --------------------------------------------------------------------------------

  async list(actor: Actor, areaId: number, query: FacilityListQueryDto): Promise<Page<FacilityItem>> {
    const area = await this.area(actor, areaId);
    const catalogue = await loadCatalogue(this.dataSource.manager);
    const window = pageWindow(query);
    const qb = this.facilities(actor).query('f').andWhere('f.propertyAreaId = :areaId', { areaId: area.id });
    if (query.typeId !== undefined) qb.andWhere('f.facilityTypeId IN (:...typeIds)', { typeIds: catalogue.get(query.typeId) ? catalogue.subtreeOf(query.typeId) : [0] });
    if (query.enabled !== undefined) qb.andWhere('f.enabled = :enabled', { enabled: query.enabled });
    if (query.buildingId !== undefined) qb.andWhere('f.buildingId = :buildingId', { buildingId: query.buildingId });
    if (query.search) {
      qb.andWhere('(f.name LIKE :search OR f.registerNumber LIKE :search OR f.position LIKE :search)', { search: `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    const [rows, total] = await qb.orderBy('f.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(await this.items(actor, rows, catalogue), total, window);
  }

  async detail(actor: Actor, id: number): Promise<FacilityDetail> {
    const facility = await this.facility(actor, id);
    const area = await this.area(actor, facility.propertyAreaId);
    const [item] = await this.items(actor, [facility], await loadCatalogue(this.dataSource.manager));
    return { ...item, propertyAreaName: area.name, maintenanceRecords: await this.records(actor, facility.id) };
  }

  async statistics(actor: Actor, areaId: number, withinDays = this.defaultWithinDays): Promise<FacilityStatistics> {
    const area = await this.area(actor, areaId);
    const catalogue = await loadCatalogue(this.dataSource.manager);
    const rows = await this.facilities(actor)
      .query('f')
      .andWhere('f.propertyAreaId = :areaId', { areaId: area.id })
      .select('f.facilityTypeId', 'typeId')
      .addSelect('COUNT(*)', 'facilities')
      .addSelect('SUM(f.quantity)', 'quantity')
      .addSelect('SUM(CASE WHEN f.enabled = :yes THEN 1 ELSE 0 END)', 'enabled')
      .addSelect('SUM(CASE WHEN f.enabled = :yes AND f.dueDate IS NOT NULL AND f.dueDate <= :until THEN 1 ELSE 0 END)', 'due')
      .setParameters({ yes: true, until: dueUntil(shanghaiDate(new Date()), withinDays) })
      .groupBy('f.facilityTypeId')
      .getRawMany<{ typeId: number | string; facilities: number | string; quantity: number | string; enabled: number | string; due: number | string }>();
    const order = new Map(catalogue.inOrder().map((t, i) => [t.id, i]));
    const types: FacilityTypeCount[] = rows
      .map((r) => {
        const typeId = Number(r.typeId);
        const type = catalogue.get(typeId);
        const category = catalogue.categoryOf(typeId);
        const facilities = Number(r.facilities);
        return {
          facilityTypeId: typeId,
          facilityTypeName: type?.name ?? '',
          facilityTypePath: catalogue.pathOf(typeId),
          categoryId: category?.id ?? typeId,
          categoryName: category?.name ?? '',
          isSpecialEquipment: type?.isSpecialEquipment ?? false,
          facilities,
          quantity: Number(r.quantity),
          enabled: Number(r.enabled),
          disabled: facilities - Number(r.enabled),
        };
      })
      .sort((a, b) => (order.get(a.facilityTypeId) ?? 0) - (order.get(b.facilityTypeId) ?? 0));
    const categories = new Map<number, { categoryId: number; categoryName: string; facilities: number; quantity: number }>();
    for (const t of types) {
      const c = categories.get(t.categoryId) ?? { categoryId: t.categoryId, categoryName: t.categoryName, facilities: 0, quantity: 0 };
      c.facilities += t.facilities;
      c.quantity += t.quantity;
      categories.set(t.categoryId, c);
    }
    const sum = (pick: (t: FacilityTypeCount) => number) => types.reduce((n, t) => n + pick(t), 0);
    const dueSoon = rows.filter((r) => catalogue.get(Number(r.typeId))?.isSpecialEquipment).reduce((n, r) => n + Number(r.due), 0);
    return {
      propertyAreaId: area.id,
      withinDays,
      total: {
        facilities: sum((t) => t.facilities),
        quantity: sum((t) => t.quantity),
        enabled: sum((t) => t.enabled),
        disabled: sum((t) => t.disabled),
        specialEquipment: sum((t) => (t.isSpecialEquipment ? t.facilities : 0)),
        dueSoon,
      },
      categories: [...categories.values()],
      types,
    };
  }

  /**
   * 到期提醒: enabled special equipment whose 到期日期 is at most `withinDays` days away (overdue
   * ones first), in the actor's scope and the region / area filter, soonest first.
   */
  async due(actor: Actor, query: DueFacilitiesQueryDto): Promise<Page<DueFacilityItem>> {
    const withinDays = query.withinDays ?? this.defaultWithinDays;
    const region = await this.scope.regionFilter(actor, { districtId: query.districtId, streetId: query.streetId });
    if (query.propertyAreaId !== undefined) await this.area(actor, query.propertyAreaId);
    const catalogue = await loadCatalogue(this.dataSource.manager);
    const special = catalogue.rows.filter((t) => t.isSpecialEquipment).map((t) => t.id);
    const today = shanghaiDate(new Date());
    const window = pageWindow(query);
    const qb = this.facilities(actor)
      .query('f')
      .andWhere('f.facilityTypeId IN (:...special)', { special: special.length ? special : [0] })
      .andWhere('f.enabled = :yes', { yes: true })
      .andWhere('f.dueDate IS NOT NULL AND f.dueDate <= :until', { until: dueUntil(today, withinDays) });
    if (region.districtId !== null) qb.andWhere('f.districtId = :districtId', { districtId: region.districtId });
    if (region.streetId !== null) qb.andWhere('f.streetId = :streetId', { streetId: region.streetId });
    if (query.propertyAreaId !== undefined) qb.andWhere('f.propertyAreaId = :areaId', { areaId: query.propertyAreaId });
    const total = await qb.getCount();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the area and building (names only) of facilities the scoped query returns
    selectAreaContext(joinAreaContext(qb.innerJoin(PropertyArea, 'a', 'a.id = f.propertyAreaId'), { area: 'a' }))
      .leftJoin(Building, 'b', 'b.id = f.buildingId')
      .addSelect('b.name', 'buildingName')
      .orderBy('f.dueDate', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .offset(window.skip)
      .limit(window.take);
    const { entities, raw } = await qb.getRawAndEntities();
    const items = entities.map((f): DueFacilityItem => {
      const r = raw.find((row: Record<string, unknown>) => Number(row.f_id) === f.id) as Record<string, unknown>;
      const context = toAreaContext(r);
      const left = daysLeft(today, f.dueDate!);
      return {
        id: f.id,
        name: f.name,
        facilityTypePath: catalogue.pathOf(f.facilityTypeId),
        registerNumber: f.registerNumber,
        dueDate: f.dueDate!,
        daysLeft: left,
        overdue: left < 0,
        position: f.position,
        buildingName: (r.buildingName as string | null) ?? null,
        propertyAreaId: f.propertyAreaId,
        propertyAreaName: context.propertyAreaName,
        propertyAreaCode: context.propertyAreaCode,
        districtId: f.districtId,
        streetName: context.streetName,
        communityName: context.communityName,
        companyName: context.companyName,
        personLiable: f.personLiable,
      };
    });
    return toPage(items, total, window);
  }

  /** Views of facilities, with their type paths and building names. */
  async items(actor: Actor, rows: Facility[], catalogue: FacilityTypeCatalogue, manager?: EntityManager): Promise<FacilityItem[]> {
    const buildingIds = [...new Set(rows.map((r) => r.buildingId).filter((id): id is number => id !== null))];
    const buildings = buildingIds.length
      ? await this.scope.repository(actor, Building, '楼栋', manager).query('b').andWhere('b.id IN (:...buildingIds)', { buildingIds }).getMany()
      : [];
    const names = new Map(buildings.map((b) => [b.id, b.name]));
    return rows.map((f) => toFacilityItem(f, catalogue, names));
  }

  // ---- maintenance records ---------------------------------------------------------------------

  async addRecord(actor: Actor, facilityId: number, dto: CreateMaintenanceRecordDto): Promise<FacilityMaintenanceView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const facility = await this.facility(actor, facilityId, manager);
      const saved = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- a record of the facility the door has just returned (its district copied from it)
        manager.create(FacilityMaintenanceRecord, {
          facilityId: facility.id,
          districtId: facility.districtId,
          streetId: facility.streetId,
          propertyAreaId: facility.propertyAreaId,
          maintainedOn: dto.maintainedOn,
          kind: dto.kind,
          content: dto.content,
          situation: dto.situation ?? null,
          unit: dto.unit ?? null,
          person: dto.person ?? null,
          cost: dto.cost ?? null,
          nextDueDate: dto.nextDueDate ?? null,
          createdById: actor.accountId,
          createdByName: actor.name.slice(0, 32),
        }),
      );
      if (dto.attachmentIds?.length) await this.claimAttachments(manager, actor, saved.id, dto.attachmentIds);
      if (dto.nextDueDate && dto.nextDueDate !== facility.dueDate) await manager.save(Object.assign(facility, { dueDate: dto.nextDueDate }));
      return saved.id;
    });
    return (await this.records(actor, facilityId)).find((r) => r.id === id)!;
  }

  /** The facility's records, newest first. */
  async records(actor: Actor, facilityId: number): Promise<FacilityMaintenanceView[]> {
    const records = await this.scope
      .repository(actor, FacilityMaintenanceRecord, '维修保养记录')
      .query('r')
      .andWhere('r.facilityId = :facilityId', { facilityId })
      .orderBy('r.maintainedOn', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
    const links = records.length ? await this.dataSource.getRepository(FacilityMaintenanceAttachment).find({ where: { recordId: In(records.map((r) => r.id)) }, order: { id: 'ASC' } }) : [];
    const files = links.length ? await this.dataSource.getRepository(Attachment).find({ where: { id: In(links.map((l) => l.attachmentId)) } }) : [];
    return records.map((r) => ({
      id: r.id,
      facilityId: r.facilityId,
      maintainedOn: r.maintainedOn,
      kind: r.kind,
      kindLabel: MAINTENANCE_KIND_LABELS[r.kind],
      content: r.content,
      situation: r.situation,
      unit: r.unit,
      person: r.person,
      cost: r.cost,
      nextDueDate: r.nextDueDate,
      attachments: links
        .filter((l) => l.recordId === r.id)
        .map((l) => files.find((f) => f.id === l.attachmentId))
        .filter((f): f is Attachment => f !== undefined)
        .map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, contentType: f.contentType })),
      createdByName: r.createdByName,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** An attachment of one of the facility's records, for whoever may see the facility. */
  async openAttachment(actor: Actor, facilityId: number, recordId: number, attachmentId: number): Promise<{ attachment: Attachment; content: Readable }> {
    await this.facility(actor, facilityId);
    const record = await this.scope.repository(actor, FacilityMaintenanceRecord, '维修保养记录').query('r').andWhere('r.id = :recordId', { recordId }).andWhere('r.facilityId = :facilityId', { facilityId }).getOne();
    const link = record ? await this.dataSource.getRepository(FacilityMaintenanceAttachment).findOne({ where: { recordId, attachmentId } }) : null;
    const attachment = link ? await this.dataSource.getRepository(Attachment).findOne({ where: { id: attachmentId } }) : null;
    if (!attachment) throw new FacilityException(FacilityErrorCode.ATTACHMENT_NOT_FOUND);
    return { attachment, content: await this.storage.open(attachment.storageKey) };
  }

  /** The uploads become the record's: each must be the actor's own, unused by a form or another record. */
  private async claimAttachments(manager: EntityManager, actor: Actor, recordId: number, ids: number[]): Promise<void> {
    const rows = await manager.find(Attachment, { where: { id: In(ids) } });
    const taken = await manager.find(FacilityMaintenanceAttachment, { where: { attachmentId: In(ids) } });
    const unusable = ids.filter((id) => {
      const row = rows.find((r) => r.id === id);
      return !row || row.uploaderId !== actor.accountId || row.caseId !== null || taken.some((t) => t.attachmentId === id);
    });
    if (unusable.length) {
      throw new WorkflowException(AttachmentErrorCode.NOT_USABLE, {
        details: [{ field: 'attachmentIds', message: `附件${unusable.join('、')}不存在，或不是您上传的，或已用于其他业务`, constraint: 'usable' }],
      });
    }
    // the unique key on attachmentId settles two records claiming one upload at the same moment
    await manager.insert(
      FacilityMaintenanceAttachment,
      ids.map((attachmentId) => ({ recordId, attachmentId })),
    );
  }
}

/** The shared fields of a stored facility, as a create would state them. */
function currentFields(f: Facility): CreateFacilityDto {
  const fields: Record<string, unknown> = {};
  for (const field of FACILITY_INPUT_FIELDS) fields[field] = f[field];
  return fields as unknown as CreateFacilityDto;
}

export function toFacilityItem(f: Facility, catalogue: FacilityTypeCatalogue, buildingNames: ReadonlyMap<number, string>): FacilityItem {
  const type = catalogue.get(f.facilityTypeId);
  return {
    id: f.id,
    propertyAreaId: f.propertyAreaId,
    name: f.name,
    facilityTypeId: f.facilityTypeId,
    facilityTypeName: type?.name ?? '',
    facilityTypePath: catalogue.pathOf(f.facilityTypeId),
    isSpecialEquipment: type?.isSpecialEquipment ?? false,
    relationType: f.unitName !== null ? FacilityRelationType.UNIT : f.buildingId !== null ? FacilityRelationType.BUILDING : FacilityRelationType.AREA,
    buildingId: f.buildingId,
    buildingName: f.buildingId === null ? null : (buildingNames.get(f.buildingId) ?? null),
    unitName: f.unitName,
    position: f.position,
    brand: f.brand,
    company: f.company,
    quantity: f.quantity,
    registerNumber: f.registerNumber,
    serialNumber: f.serialNumber,
    commissionedAt: f.commissionedAt,
    dueDate: f.dueDate,
    maintenanceCycle: f.maintenanceCycle,
    maintenanceCycleLabel: f.maintenanceCycle ? MAINTENANCE_CYCLE_LABELS[f.maintenanceCycle] : null,
    personLiable: f.personLiable,
    originalValue: f.originalValue,
    currentValue: f.currentValue,
    annualInspector: f.annualInspector,
    annualCost: f.annualCost,
    enabled: f.enabled,
    remarks: f.remarks,
    updatedAt: f.updatedAt.toISOString(),
  };
}
