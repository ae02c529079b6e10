import { Inject, Injectable } from '@nestjs/common';
import {
  AreaPractitionersTab,
  CERTIFICATE_STATE_LABELS,
  CERTIFICATE_TYPE_LABELS,
  CommonErrorCode,
  EmployerKind,
  GrantAction,
  ModuleKey,
  Page,
  PRACTITIONER_GENDER_LABELS,
  PRACTITIONER_POSITION_LABELS,
  PRACTITIONER_STATUS_LABELS,
  PractitionerCertificateView,
  PractitionerErrorCode,
  PractitionerItem,
  PractitionerStatus,
  PropertyAreaErrorCode,
  Role,
  RosterFiling,
  UnitCategory,
} from '@szpm/contract';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Actor, hasGrant } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { maskIdNumber, maskPhone } from '../../common/http/masking';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { escapeLike } from '../../common/sql/like';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PropertyAreasService } from '../property-areas/areas/property-areas.service';
import { PropertyAreaException } from '../property-areas/property-areas.exception';
import { isCompanyOfDistrict } from '../regions/district-companies';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { CreatePractitionerDto, LeavePractitionerDto, PractitionerCertificateDto, PractitionerFieldsDto, PractitionerListQueryDto, UpdatePractitionerDto } from './dto/practitioner.dto';
import { Practitioner, PractitionerCertificate, PractitionerRoster } from './entities';
import { moveAreaCounts, refreshQualifiedUntil } from './practitioner-counts';
import { certificateDatesValid, certificateState, normaliseIdNumber, seesFullIdentity, validIdNumber } from './practitioner-rules';
import { PractitionerException } from './practitioners.exception';

export const PRACTITIONER_LABEL = '从业人员';

/** The area a roster write belongs to: the manager's own project. */
export type RosterArea = Pick<PropertyArea, 'id' | 'name' | 'districtId' | 'streetId' | 'communityId' | 'companyId' | 'projectManagerId'>;

/** A practitioner's own fields as one write sets them. */
export type PractitionerInput = Pick<Practitioner, 'name' | 'gender' | 'idNumber' | 'phone' | 'position' | 'hiredAt' | 'isPartyMember' | 'education'>;

export function inputOf(fields: PractitionerFieldsDto): PractitionerInput {
  return {
    name: fields.name.trim(),
    gender: fields.gender,
    idNumber: normaliseIdNumber(fields.idNumber),
    phone: fields.phone,
    position: fields.position,
    hiredAt: fields.hiredAt,
    isPartyMember: fields.isPartyMember ?? false,
    education: fields.education ?? null,
  };
}

const sameInput = (p: Practitioner, input: PractitionerInput) => (Object.keys(input) as Array<keyof PractitionerInput>).every((k) => (p[k] ?? null) === (input[k] ?? null));

/** The roster row's view; no row: never filed. */
export function toFiling(roster: Pick<PractitionerRoster, 'filedAt' | 'lastUpdatedAt' | 'lastUpdatedByName'> | null | undefined): RosterFiling {
  return {
    filed: !!roster,
    filedAt: roster ? new Date(roster.filedAt).toISOString() : null,
    lastUpdatedAt: roster ? new Date(roster.lastUpdatedAt).toISOString() : null,
    lastUpdatedByName: roster?.lastUpdatedByName ?? null,
  };
}

/**
 * 从业人员信息: the rosters of the projects (kept by each project's manager: add, edit, 离职,
 * certificates, each change stamping the roster as filed and updated) and the company staff; the
 * officers' lists through the scoped door; ID numbers and phones masked unless the reader may see
 * them whole (seesFullIdentity).
 */
@Injectable()
export class PractitionersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly areas: PropertyAreasService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get expiringDays(): number {
    return this.config.practitioners.certificateExpiringDays;
  }

  practitioners(actor: Actor, manager?: EntityManager) {
    return this.scope.repository(actor, Practitioner, PRACTITIONER_LABEL, manager);
  }

  // ---- the doors -------------------------------------------------------------------------------

  /**
   * The project manager's own project: the role's unit must run it (property_areas.projectManagerId);
   * an unknown id is PROPERTY_AREA_NOT_FOUND, another's project 403 NOT_OWN_PROJECT.
   */
  async ownArea(actor: Actor, areaId: number, manager: EntityManager = this.dataSource.manager): Promise<RosterArea> {
    if (actor.role !== Role.PROJECT_MANAGER || actor.unitCategory !== UnitCategory.PROJECT_MANAGER || actor.unitId === null) {
      throw AppException.forbidden('只有项目负责人可以维护本项目的从业人员信息');
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a project manager's scope is the unit link checked right below; nothing of another's area is returned
    const area = await manager.getRepository(PropertyArea).findOne({ where: { id: areaId } });
    if (!area) throw new PropertyAreaException(PropertyAreaErrorCode.NOT_FOUND);
    if (area.projectManagerId !== actor.unitId) throw new PractitionerException(PractitionerErrorCode.NOT_OWN_PROJECT);
    return area;
  }

  /** A practitioner of the manager's own project (404 unknown, 403 another's project or company staff). */
  async ownPractitioner(actor: Actor, id: number, manager: EntityManager): Promise<{ practitioner: Practitioner; area: RosterArea }> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- loaded by id to check below that its area is the manager's own
    const practitioner = await manager.getRepository(Practitioner).findOne({ where: { id } });
    if (!practitioner) throw new PractitionerException(PractitionerErrorCode.NOT_FOUND);
    if (practitioner.propertyAreaId === null) throw new PractitionerException(PractitionerErrorCode.NOT_OWN_PROJECT);
    return { practitioner, area: await this.ownArea(actor, practitioner.propertyAreaId, manager) };
  }

  // ---- the project manager's writes ---------------------------------------------------------------

  /**
   * Creates (`target` null) or updates one practitioner of `area` to `input`: a valid ID number, and
   * no second on-duty person with it in the project. Shared by the API and the sheet's import.
   */
  async write(manager: EntityManager, area: RosterArea, input: PractitionerInput, target: Practitioner | null): Promise<Practitioner> {
    if (!validIdNumber(input.idNumber)) throw new PractitionerException(PractitionerErrorCode.ID_NUMBER_INVALID);
    if (target?.leftAt && target.leftAt < input.hiredAt) throw new PractitionerException(PractitionerErrorCode.LEFT_BEFORE_HIRED, { field: 'hiredAt' });
    if (!target || target.idNumber !== input.idNumber) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the own project's roster (ownArea checked it), looking for the same person on duty
      const twin = await manager.getRepository(Practitioner).findOne({ where: { propertyAreaId: area.id, idNumber: input.idNumber, status: PractitionerStatus.ON_DUTY } });
      if (twin && twin.id !== target?.id) throw new PractitionerException(PractitionerErrorCode.ID_NUMBER_TAKEN);
    }
    if (target && sameInput(target, input)) return target;
    if (target) {
      const before = { ...target };
      const saved = await manager.save(Object.assign(target, input));
      await moveAreaCounts(manager, before, saved);
      if (before.position !== saved.position) await refreshQualifiedUntil(manager, saved);
      return saved;
    }
    const created = await manager.save(
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a new practitioner of the manager's own project (its district, street and community copied from it)
      manager.create(Practitioner, {
        ...input,
        employerKind: EmployerKind.PROJECT,
        districtId: area.districtId,
        streetId: area.streetId,
        communityId: area.communityId,
        propertyAreaId: area.id,
        companyId: area.companyId,
        status: PractitionerStatus.ON_DUTY,
        leftAt: null,
        qualifiedUntil: null,
      }),
    );
    await moveAreaCounts(manager, null, created);
    return created;
  }

  /** Adds one certificate (有效期至 not before 发证日期); one of the same type and number is replaced. */
  async writeCertificate(manager: EntityManager, practitioner: Practitioner, dto: PractitionerCertificateDto): Promise<PractitionerCertificate> {
    if (!certificateDatesValid(dto.issuedAt, dto.expiresAt)) throw new PractitionerException(PractitionerErrorCode.CERTIFICATE_DATES_INVALID);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- certificates of a practitioner the caller admitted
    const certificates = manager.getRepository(PractitionerCertificate);
    const same = await certificates.findOne({ where: { practitionerId: practitioner.id, type: dto.type, certNo: dto.certNo.trim() } });
    const values = { type: dto.type, certNo: dto.certNo.trim(), issuedAt: dto.issuedAt, expiresAt: dto.expiresAt };
    const saved = await certificates.save(same ? Object.assign(same, values) : certificates.create({ ...values, practitionerId: practitioner.id, districtId: practitioner.districtId, streetId: practitioner.streetId }));
    await refreshQualifiedUntil(manager, practitioner);
    return saved;
  }

  /** Every change of a roster files it (the first time) and stamps it as updated now, by the actor. */
  async stamp(manager: EntityManager, area: RosterArea, actor: Actor): Promise<void> {
    const now = new Date();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the roster row of the manager's own project (ownArea checked it)
    const rosters = manager.getRepository(PractitionerRoster);
    const roster = await rosters.findOne({ where: { propertyAreaId: area.id } });
    const by = { lastUpdatedAt: now, lastUpdatedById: actor.accountId, lastUpdatedByName: actor.name.slice(0, 32) };
    if (roster) await rosters.save(Object.assign(roster, by));
    else await rosters.save(rosters.create({ propertyAreaId: area.id, districtId: area.districtId, streetId: area.streetId, communityId: area.communityId, filedAt: now, ...by }));
  }

  async create(actor: Actor, areaId: number, dto: CreatePractitionerDto): Promise<PractitionerItem> {
    const id = await this.dataSource.transaction(async (manager) => {
      const area = await this.ownArea(actor, areaId, manager);
      const saved = await this.write(manager, area, inputOf(dto), null);
      for (const [index, certificate] of (dto.certificates ?? []).entries()) {
        try {
          await this.writeCertificate(manager, saved, certificate);
        } catch (error) {
          // the 400 names the certificate in the list
          if (error instanceof PractitionerException) throw new PractitionerException(error.code as PractitionerErrorCode, { field: `certificates.${index}.expiresAt` });
          throw error;
        }
      }
      await this.stamp(manager, area, actor);
      return saved.id;
    });
    return this.ownItem(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdatePractitionerDto): Promise<PractitionerItem> {
    await this.dataSource.transaction(async (manager) => {
      const { practitioner, area } = await this.ownPractitioner(actor, id, manager);
      const merged: PractitionerFieldsDto = { ...currentFields(practitioner), ...stripUndefined(dto) };
      const before = Object.assign(new Practitioner(), practitioner);
      await this.write(manager, area, inputOf(merged), practitioner);
      if (!sameInput(before, inputOf(merged))) await this.stamp(manager, area, actor);
    });
    return this.ownItem(actor, id);
  }

  /** 离职: once, on a day not before the hire day; the person stays on the roster as 离职. */
  async leave(actor: Actor, id: number, dto: LeavePractitionerDto): Promise<PractitionerItem> {
    await this.dataSource.transaction(async (manager) => {
      const { practitioner, area } = await this.ownPractitioner(actor, id, manager);
      if (practitioner.status === PractitionerStatus.LEFT) throw new PractitionerException(PractitionerErrorCode.ALREADY_LEFT);
      if (dto.leftAt < practitioner.hiredAt) throw new PractitionerException(PractitionerErrorCode.LEFT_BEFORE_HIRED);
      const before = { ...practitioner };
      await moveAreaCounts(manager, before, await manager.save(Object.assign(practitioner, { status: PractitionerStatus.LEFT, leftAt: dto.leftAt })));
      await this.stamp(manager, area, actor);
    });
    return this.ownItem(actor, id);
  }

  async addCertificate(actor: Actor, id: number, dto: PractitionerCertificateDto): Promise<PractitionerItem> {
    await this.dataSource.transaction(async (manager) => {
      const { practitioner, area } = await this.ownPractitioner(actor, id, manager);
      await this.writeCertificate(manager, practitioner, dto);
      await this.stamp(manager, area, actor);
    });
    return this.ownItem(actor, id);
  }

  async removeCertificate(actor: Actor, id: number, certificateId: number): Promise<PractitionerItem> {
    await this.dataSource.transaction(async (manager) => {
      const { practitioner, area } = await this.ownPractitioner(actor, id, manager);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a certificate of the manager's own practitioner
      const certificate = await manager.getRepository(PractitionerCertificate).findOne({ where: { id: certificateId, practitionerId: practitioner.id } });
      if (!certificate) throw new PractitionerException(PractitionerErrorCode.CERTIFICATE_NOT_FOUND);
      await manager.remove(certificate);
      await refreshQualifiedUntil(manager, practitioner);
      await this.stamp(manager, area, actor);
    });
    return this.ownItem(actor, id);
  }

  /** 确认已更新: the manager files the roster as it stands (the answer to 提醒更新 when nothing changed). */
  async confirm(actor: Actor, areaId: number): Promise<RosterFiling> {
    return this.dataSource.transaction(async (manager) => {
      const area = await this.ownArea(actor, areaId, manager);
      await this.stamp(manager, area, actor);
      return this.filingOf(area.id, manager);
    });
  }

  // ---- reads -----------------------------------------------------------------------------------------

  async filingOf(areaId: number, manager: EntityManager = this.dataSource.manager): Promise<RosterFiling> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the roster row of an area the caller admitted the actor to
    return toFiling(await manager.getRepository(PractitionerRoster).findOne({ where: { propertyAreaId: areaId } }));
  }

  /**
   * The area detail's 项目从业人员信息 tab, through the same door as the other tabs: officers with the
   * chapter's view grant in their scope, counterparts for their own areas. On duty first, then 离职.
   */
  async areaRoster(actor: Actor, areaId: number, query: { status?: PractitionerStatus; page?: number; pageSize?: number }): Promise<AreaPractitionersTab> {
    const area = await this.areas.readableArea(actor, areaId, ModuleKey.PRACTITIONERS);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the roster of an area readableArea() has just admitted the actor to
    const qb = this.dataSource.getRepository(Practitioner).createQueryBuilder('p').where('p.propertyAreaId = :areaId', { areaId: area.id });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    const [rows, total] = await qb.orderBy('p.status', 'DESC').addOrderBy('p.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- counts the roster of the admitted area
    const onDuty = await this.dataSource.getRepository(Practitioner).count({ where: { propertyAreaId: area.id, status: PractitionerStatus.ON_DUTY } });
    return { propertyAreaId: area.id, onDuty, ...(await this.filingOf(area.id)), ...toPage(await this.items(actor, rows), total, window) };
  }

  /**
   * The officers' list: the people of one project (drill-down's last step), of a company (its own
   * staff: every district that sees the company, by whereCompanyOfDistrict's rule), or of the scope.
   */
  async list(actor: Actor, query: PractitionerListQueryDto): Promise<Page<PractitionerItem>> {
    const window = pageWindow(query);
    const qb = await this.listQuery(actor, query);
    qb.andWhere('p.status = :status', { status: query.status ?? PractitionerStatus.ON_DUTY });
    if (query.position) qb.andWhere('p.position = :position', { position: query.position });
    if (query.search) qb.andWhere("p.name LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const [rows, total] = await qb.orderBy('p.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(await this.items(actor, rows), total, window);
  }

  private async listQuery(actor: Actor, query: PractitionerListQueryDto): Promise<SelectQueryBuilder<Practitioner>> {
    if (query.employerKind === EmployerKind.COMPANY && query.companyId !== undefined) {
      const districtId = this.scope.districtFilter(actor, query.districtId);
      if (districtId !== null && !(await isCompanyOfDistrict(this.dataSource.manager, query.companyId, districtId))) throw AppException.outOfDistrict();
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a company's own staff, for a district that sees the company (isCompanyOfDistrict above)
      return this.dataSource.getRepository(Practitioner).createQueryBuilder('p').where('p.companyId = :companyId AND p.employerKind = :kind', { companyId: query.companyId, kind: EmployerKind.COMPANY });
    }
    const region = await this.scope.regionFilter(actor, { districtId: query.districtId });
    const qb = this.practitioners(actor).query('p');
    if (region.districtId !== null) qb.andWhere('p.districtId = :districtId', { districtId: region.districtId });
    if (query.propertyAreaId !== undefined) {
      await this.areas.readableArea(actor, query.propertyAreaId, ModuleKey.PRACTITIONERS);
      qb.andWhere('p.propertyAreaId = :areaId', { areaId: query.propertyAreaId });
    }
    if (query.companyId !== undefined) qb.andWhere('p.companyId = :companyId', { companyId: query.companyId });
    if (query.employerKind) qb.andWhere('p.employerKind = :kind', { kind: query.employerKind });
    return qb;
  }

  /** One practitioner: officers through the scoped door, the project manager of its project, the company that employs it. */
  async detail(actor: Actor, id: number): Promise<PractitionerItem> {
    if (actor.role === Role.PROJECT_MANAGER) return this.ownItem(actor, id);
    if (actor.role === Role.PROPERTY_COMPANY) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- loaded by id; only the employing company reads it (checked below)
      const row = await this.dataSource.getRepository(Practitioner).findOne({ where: { id } });
      if (!row) throw new PractitionerException(PractitionerErrorCode.NOT_FOUND);
      if (actor.unitCategory !== UnitCategory.PROPERTY_COMPANY || row.companyId !== actor.unitId) throw AppException.forbidden('只能查看本企业的从业人员');
      return (await this.items(actor, [row]))[0];
    }
    if (!hasGrant(actor, ModuleKey.PRACTITIONERS, GrantAction.VIEW)) throw new AppException(CommonErrorCode.MODULE_NOT_GRANTED, 403);
    try {
      return (await this.items(actor, [await this.practitioners(actor).findById(id)]))[0];
    } catch (error) {
      if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw new PractitionerException(PractitionerErrorCode.NOT_FOUND);
      throw error;
    }
  }

  private async ownItem(actor: Actor, id: number): Promise<PractitionerItem> {
    const { practitioner } = await this.ownPractitioner(actor, id, this.dataSource.manager);
    return (await this.items(actor, [practitioner]))[0];
  }

  /** Views of practitioners with their certificates, company and area names; masked unless the actor may see them whole. */
  async items(actor: Actor, rows: Practitioner[], manager: EntityManager = this.dataSource.manager): Promise<PractitionerItem[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the certificates of practitioners the caller has admitted
    const certificates = await manager.getRepository(PractitionerCertificate).find({ where: { practitionerId: In(ids) }, order: { expiresAt: 'ASC', id: 'ASC' } });
    const areaIds = [...new Set(rows.map((r) => r.propertyAreaId).filter((id): id is number => id !== null))];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names and managers of the areas of admitted practitioners
    const areas = areaIds.length ? await manager.getRepository(PropertyArea).find({ select: { id: true, name: true, projectManagerId: true }, where: { id: In(areaIds) } }) : [];
    const companyIds = [...new Set(rows.map((r) => r.companyId).filter((id): id is number => id !== null))];
    const companies = companyIds.length ? await manager.getRepository(PropertyCompany).find({ select: { id: true, name: true }, where: { id: In(companyIds) } }) : [];
    const areaOf = new Map(areas.map((a) => [a.id, a]));
    const companyName = new Map(companies.map((c) => [c.id, c.name]));
    const today = shanghaiDate(new Date());
    return rows.map((p) => {
      const area = p.propertyAreaId === null ? undefined : areaOf.get(p.propertyAreaId);
      const full = seesFullIdentity(actor, { projectManagerId: area?.projectManagerId ?? null, companyId: p.companyId });
      return toItem(p, {
        masked: !full,
        certificates: certificates.filter((c) => c.practitionerId === p.id).map((c) => toCertificateView(c, today, this.expiringDays)),
        companyName: p.companyId === null ? null : (companyName.get(p.companyId) ?? null),
        propertyAreaName: area?.name ?? null,
      });
    });
  }
}

function stripUndefined<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function currentFields(p: Practitioner): PractitionerFieldsDto {
  return { name: p.name, gender: p.gender, idNumber: p.idNumber, phone: p.phone, position: p.position, hiredAt: p.hiredAt, isPartyMember: p.isPartyMember, education: p.education };
}

export function toCertificateView(c: PractitionerCertificate, today: string, withinDays: number): PractitionerCertificateView {
  const state = certificateState(c.expiresAt, today, withinDays);
  return { id: c.id, type: c.type, typeLabel: CERTIFICATE_TYPE_LABELS[c.type], certNo: c.certNo, issuedAt: c.issuedAt, expiresAt: c.expiresAt, state, stateLabel: CERTIFICATE_STATE_LABELS[state] };
}

export function toItem(
  p: Practitioner,
  extra: { masked: boolean; certificates: PractitionerCertificateView[]; companyName: string | null; propertyAreaName: string | null },
): PractitionerItem {
  return {
    id: p.id,
    employerKind: p.employerKind,
    name: p.name,
    gender: p.gender,
    genderLabel: PRACTITIONER_GENDER_LABELS[p.gender],
    idNumber: extra.masked ? maskIdNumber(p.idNumber) : p.idNumber,
    phone: extra.masked ? maskPhone(p.phone) : p.phone,
    masked: extra.masked,
    position: p.position,
    positionLabel: PRACTITIONER_POSITION_LABELS[p.position],
    status: p.status,
    statusLabel: PRACTITIONER_STATUS_LABELS[p.status],
    hiredAt: p.hiredAt,
    leftAt: p.leftAt,
    isPartyMember: !!p.isPartyMember,
    education: p.education,
    companyId: p.companyId,
    companyName: extra.companyName,
    propertyAreaId: p.propertyAreaId,
    propertyAreaName: extra.propertyAreaName,
    certificates: extra.certificates,
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}
