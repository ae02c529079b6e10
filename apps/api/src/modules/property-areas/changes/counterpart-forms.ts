import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AreaChangeErrorCode,
  CoordinateStatus,
  ModuleKey,
  PROJECT_MANAGER_CHANGE_FORM_LABEL,
  PROJECT_MANAGER_CHANGE_FORM_TYPE,
  PROJECT_REGISTRATION_FORM_LABEL,
  PROJECT_REGISTRATION_FORM_TYPE,
  PROPERTY_AREA_SUBJECT,
  Role,
  UnitCategory,
  WorkflowCaseDetail,
  WorkflowOrigin,
} from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { Actor } from '../../../access/actor';
import { TextSearchIndex } from '../../../common/search/text-search';
import { ProjectManager } from '../../regions/entities/project-manager.entity';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { Region, RegionLevel } from '../../regions/entities/region.entity';
import { PreparedForm, WorkflowFormDefinition, WorkflowHookContext } from '../../workflow/workflow-form';
import { WorkflowRegistry } from '../../workflow/workflow-registry';
import { isFinished } from '../../workflow/workflow-transitions';
import { WorkflowService } from '../../workflow/workflow.service';
import { PROPERTY_AREA_NAMES } from '../areas/area-search';
import { PropertyAreaProfile } from '../entities/property-area-profile.entity';
import { AREA_FIELD_BY_NAME } from './area-fields';
import { AreaCaseIndex } from './area-case-index';
import { AreaChangeException } from './area-changes.exception';
import { AreaRecords, AreaValues, valuesOf } from './area-records';
import { ProjectManagerChangeDto, ProjectManagerChangePayload, ProjectRegistrationPayload } from './dto/counterpart.dto';
import { parseFieldValue } from './field-values';

/** The counterpart accounts that file registrations and manager changes. */
export const COUNTERPART_ROLES: readonly Role[] = [Role.PROPERTY_COMPANY, Role.PROJECT_MANAGER];

/** The registration's fields that are catalogue fields of the area, checked by the catalogue's rules and written on approval. */
const REGISTRATION_FIELDS = ['name', 'address', 'landNumber', 'location', 'communityId', 'floorArea', 'houseCount', 'longitude', 'latitude', 'remarks', 'boundEast', 'boundSouth', 'boundWest', 'boundNorth', 'developerName', 'handoverDate'] as const;

/** Who the filer speaks for: their company, and themself when they are a project manager. */
interface Filer {
  companyId: number;
  managerId: number | null;
}

/** The filer's company (and manager record), or NOT_A_COUNTERPART. */
async function filerOf(manager: EntityManager, actor: Actor): Promise<Filer> {
  if (actor.unitId !== null && actor.role === Role.PROPERTY_COMPANY && actor.unitCategory === UnitCategory.PROPERTY_COMPANY) return { companyId: actor.unitId, managerId: null };
  if (actor.unitId !== null && actor.role === Role.PROJECT_MANAGER && actor.unitCategory === UnitCategory.PROJECT_MANAGER) {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the manager record of the filing account itself
    const own = await manager.findOne(ProjectManager, { where: { id: actor.unitId } });
    if (own) return { companyId: own.companyId, managerId: own.id };
  }
  throw new AreaChangeException(AreaChangeErrorCode.NOT_A_COUNTERPART);
}

/** The filer's own area: managed by their company (a company account) or by them (a project-manager account). */
async function ownArea(manager: EntityManager, filer: Filer, areaId: number, field: string): Promise<PropertyArea> {
  // eslint-disable-next-line szpm/no-raw-scoped-access -- counterpart accounts reach only their own area: checked right below
  const area = await manager.findOne(PropertyArea, { where: { id: areaId } });
  const own = area !== null && (filer.managerId !== null ? area.projectManagerId === filer.managerId : area.companyId === filer.companyId);
  if (!area || !own) throw new AreaChangeException(AreaChangeErrorCode.NOT_OWN_AREA, { field });
  return area;
}

/**
 * 项目登记 (PROJECT_REGISTRATION) and 项目经理变更 (PROJECT_MANAGER_CHANGE): subject forms filed by
 * property companies and project managers, reviewed by the district on the engine's default subject
 * steps (受理 → 初查 → 审核, or 退回补录). Approval of a registration creates the area (new) or
 * writes the registered values to the filer's area (synchronised); approval of a manager change
 * sets the area's project manager (registering a new manager first when one is named).
 */
@Injectable()
export class CounterpartForms implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly workflow: WorkflowService,
    private readonly records: AreaRecords,
    private readonly index: AreaCaseIndex,
    private readonly names: TextSearchIndex,
  ) {}

  onModuleInit() {
    this.registry.register(this.registration());
    this.registry.register(this.managerChange());
  }

  /** POST /api/property-areas/registrations */
  register(actor: Actor, payload: ProjectRegistrationPayload, remark?: string): Promise<WorkflowCaseDetail> {
    return this.workflow.file(actor, PROJECT_REGISTRATION_FORM_TYPE, payload, { remark });
  }

  /** POST /api/property-areas/:id/manager-changes */
  changeManager(actor: Actor, areaId: number, request: ProjectManagerChangeDto): Promise<WorkflowCaseDetail> {
    return this.workflow.file(actor, PROJECT_MANAGER_CHANGE_FORM_TYPE, { ...request, propertyAreaId: areaId });
  }

  registration(): WorkflowFormDefinition<ProjectRegistrationPayload> {
    return {
      formType: PROJECT_REGISTRATION_FORM_TYPE,
      label: PROJECT_REGISTRATION_FORM_LABEL,
      module: ModuleKey.PROPERTY_AREAS,
      origin: WorkflowOrigin.SUBJECT,
      filingRoles: [...COUNTERPART_ROLES],
      businessNoPrefix: 'PR',
      payloadClass: ProjectRegistrationPayload,
      prepare: (manager, actor, payload, current) => this.prepareRegistration(manager, actor, payload, current?.payload),
      onCreated: (context, payload) =>
        this.index.open(context, PROJECT_REGISTRATION_FORM_TYPE, this.placeOf(payload), '该物业区域已有一份未办结的项目登记申请，请等其办结后再提交'),
      onTransition: (context, step, payload) => this.index.update(context, { ...this.placeOf(payload), finished: isFinished(step.to) }),
      onApproved: (context, payload) => this.synchronise(context, payload),
    };
  }

  managerChange(): WorkflowFormDefinition<ProjectManagerChangePayload> {
    return {
      formType: PROJECT_MANAGER_CHANGE_FORM_TYPE,
      label: PROJECT_MANAGER_CHANGE_FORM_LABEL,
      module: ModuleKey.PROPERTY_AREAS,
      origin: WorkflowOrigin.SUBJECT,
      filingRoles: [...COUNTERPART_ROLES],
      businessNoPrefix: 'PMC',
      payloadClass: ProjectManagerChangePayload,
      prepare: (manager, actor, payload, current) => this.prepareManagerChange(manager, actor, payload, current?.payload),
      onCreated: async (context, payload) => {
        const { area } = await this.records.read(context.manager, payload.propertyAreaId);
        await this.index.open(context, PROJECT_MANAGER_CHANGE_FORM_TYPE, { propertyAreaId: area.id, streetId: area.streetId, communityId: area.communityId, areaName: area.name }, '该物业区域已有一份未办结的项目经理变更申请，请等其办结后再提交');
      },
      onTransition: (context, step) => this.index.update(context, { finished: isFinished(step.to) }),
      onApproved: (context, payload) => this.setManager(context, payload),
    };
  }

  private placeOf(payload: ProjectRegistrationPayload) {
    return { propertyAreaId: payload.propertyAreaId ?? null, streetId: payload.streetId ?? null, communityId: payload.communityId, areaName: payload.name };
  }

  /** The registered values checked by the catalogue's rules for the same fields (stored form), 400 naming the field. */
  private registeredValues(payload: ProjectRegistrationPayload): AreaValues {
    const values: AreaValues = {};
    for (const field of REGISTRATION_FIELDS) {
      const spec = AREA_FIELD_BY_NAME.get(field)!;
      const parsed = parseFieldValue(spec, (payload as unknown as Record<string, unknown>)[field]);
      if (!parsed.ok) throw new AreaChangeException(AreaChangeErrorCode.FIELD_INVALID, { field, message: `${spec.label}${parsed.problem}` });
      values[field] = parsed.value;
    }
    return values;
  }

  async prepareRegistration(manager: EntityManager, actor: Actor, payload: ProjectRegistrationPayload, previous?: ProjectRegistrationPayload): Promise<PreparedForm<ProjectRegistrationPayload>> {
    // the filer is fixed when filed; officers editing the form keep it
    const filer: Filer = previous ? { companyId: previous.companyId!, managerId: null } : await filerOf(manager, actor);
    if (previous && (payload.propertyAreaId ?? null) !== (previous.propertyAreaId ?? null)) {
      throw new AreaChangeException(AreaChangeErrorCode.FIELD_INVALID, { field: 'payload.propertyAreaId', message: '登记的物业区域不能更改' });
    }
    const values = this.registeredValues(payload);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a community chosen on the form: it decides the form's district
    const community = await manager.findOne(Region, { where: { id: payload.communityId, level: RegionLevel.COMMUNITY } });
    if (!community) throw new AreaChangeException(AreaChangeErrorCode.COMMUNITY_INVALID);
    let current: AreaValues | null = null;
    if (payload.propertyAreaId !== undefined) {
      const area = previous ? await this.records.read(manager, payload.propertyAreaId).then((l) => l.area) : await ownArea(manager, filer, payload.propertyAreaId, 'propertyAreaId');
      if (area.districtId !== community.districtId) throw new AreaChangeException(AreaChangeErrorCode.COMMUNITY_INVALID, { message: '所选社区不在该物业区域所在的行政区' });
      current = valuesOf(await this.records.read(manager, area.id), [...REGISTRATION_FIELDS, 'companyId']);
    }
    const company = await manager.findOneOrFail(PropertyCompany, { where: { id: filer.companyId } });
    const managerId = payload.projectManagerId ?? previous?.projectManagerId ?? filer.managerId ?? undefined;
    let managerName: string | null = null;
    if (managerId !== undefined) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- checks the named manager works for the filing company
      const named = await manager.findOne(ProjectManager, { where: { id: managerId } });
      if (!named || named.companyId !== company.id) throw new AreaChangeException(AreaChangeErrorCode.MANAGER_INVALID);
      managerName = named.name;
    }
    return {
      payload: {
        ...payload,
        ...(values as Partial<ProjectRegistrationPayload>),
        name: values.name as string,
        projectManagerId: managerId,
        contactName: payload.contactName.trim(),
        companyId: company.id,
        companyName: company.name,
        projectManagerName: managerName,
        districtId: community.districtId,
        streetId: community.streetId!,
        communityName: community.name,
        current,
      },
      districtId: community.districtId,
      summary: {
        title: `${values.name as string}：${payload.propertyAreaId !== undefined ? '项目信息更新登记' : '新项目登记'}`,
        subjectType: PROPERTY_AREA_SUBJECT,
        subjectId: payload.propertyAreaId ?? null,
        subjectName: values.name as string,
      },
    };
  }

  /** onApproved: a new area (with its extension record), or the registered values written to the filer's area. */
  private async synchronise(context: WorkflowHookContext, p: ProjectRegistrationPayload): Promise<void> {
    const { manager } = context;
    const values = this.registeredValues(p);
    const core = { name: values.name, address: values.address, landNumber: values.landNumber, location: values.location, communityId: values.communityId, floorArea: values.floorArea, houseCount: values.houseCount, longitude: values.longitude, latitude: values.latitude, remarks: values.remarks };
    const profile = { boundEast: values.boundEast, boundSouth: values.boundSouth, boundWest: values.boundWest, boundNorth: values.boundNorth, developerName: values.developerName, handoverDate: values.handoverDate };
    let areaId: number;
    if (p.propertyAreaId !== undefined) {
      const locked = await this.records.lock(manager, p.propertyAreaId);
      await this.records.checkReferences(manager, locked.area, { communityId: values.communityId }, 'payload');
      await this.records.write(manager, locked, { ...core, ...profile });
      // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: the area of the approved registration, locked above
      if (p.projectManagerId !== undefined) await manager.update(PropertyArea, { id: locked.area.id }, { projectManagerId: p.projectManagerId });
      areaId = locked.area.id;
    } else {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: the area the approved registration creates in the case's district
      const created = await manager.save(manager.create(PropertyArea, {
        ...(core as Partial<PropertyArea>),
        code: `SZWY${String(context.districtId).padStart(2, '0')}-${context.businessNo}`,
        districtId: context.districtId,
        streetId: p.streetId!,
        communityId: p.communityId,
        companyId: p.companyId!,
        projectManagerId: p.projectManagerId ?? null,
        developerId: null,
        selfManaged: false,
        otherCityProject: false,
        coordinateStatus: CoordinateStatus.UNPLOTTED,
        version: 1,
      }));
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the extension record of the area created just above
      await manager.insert(PropertyAreaProfile, { propertyAreaId: created.id, districtId: created.districtId, hasCommittee: false, totalHouseholds: created.houseCount, ...(profile as Partial<PropertyAreaProfile>) });
      areaId = created.id;
    }
    await this.names.add(manager, PROPERTY_AREA_NAMES, [values.name as string]);
    await this.index.update(context, { propertyAreaId: areaId });
  }

  async prepareManagerChange(manager: EntityManager, actor: Actor, payload: ProjectManagerChangePayload, previous?: ProjectManagerChangePayload): Promise<PreparedForm<ProjectManagerChangePayload>> {
    if (previous && payload.propertyAreaId !== previous.propertyAreaId) {
      throw new AreaChangeException(AreaChangeErrorCode.FIELD_INVALID, { field: 'payload.propertyAreaId', message: '变更的物业区域不能更改' });
    }
    const area = previous ? (await this.records.read(manager, payload.propertyAreaId)).area : await ownArea(manager, await filerOf(manager, actor), payload.propertyAreaId, 'propertyAreaId');
    if ((payload.projectManagerId === undefined) === (payload.newManager === undefined)) {
      throw new AreaChangeException(AreaChangeErrorCode.MANAGER_INVALID, { message: '请选择一位已登记的项目经理（projectManagerId）或填写新项目经理（newManager），二者选一' });
    }
    if (area.companyId === null) throw new AreaChangeException(AreaChangeErrorCode.MANAGER_INVALID, { message: '该项目没有物业服务企业，不能变更项目经理' });
    let managerName: string;
    if (payload.projectManagerId !== undefined) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- checks the named manager works for the area's company
      const named = await manager.findOne(ProjectManager, { where: { id: payload.projectManagerId } });
      if (!named || named.companyId !== area.companyId) throw new AreaChangeException(AreaChangeErrorCode.MANAGER_INVALID);
      if (named.id === area.projectManagerId) throw new AreaChangeException(AreaChangeErrorCode.MANAGER_INVALID, { message: '所选项目经理已是该项目的项目经理' });
      managerName = named.name;
    } else {
      managerName = payload.newManager!.name.trim();
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the area's current manager, for the reviewer's comparison
    const previousManager = area.projectManagerId === null ? null : await manager.findOne(ProjectManager, { where: { id: area.projectManagerId } });
    return {
      payload: {
        ...payload,
        areaName: area.name,
        companyId: area.companyId,
        previousManagerId: previousManager?.id ?? null,
        previousManagerName: previousManager?.name ?? null,
        managerName,
      },
      districtId: area.districtId,
      summary: { title: `${area.name}：项目经理变更为${managerName}`, subjectType: PROPERTY_AREA_SUBJECT, subjectId: area.id, subjectName: area.name },
    };
  }

  /** onApproved: the area's project manager (a new manager is registered with the area's company and district first). */
  private async setManager(context: WorkflowHookContext, p: ProjectManagerChangePayload): Promise<void> {
    const { manager } = context;
    const locked = await this.records.lock(manager, p.propertyAreaId);
    let managerId = p.projectManagerId;
    if (p.newManager) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: the new manager the approved change names, in the area's district
      const created = await manager.save(manager.create(ProjectManager, { ...p.newManager, companyId: locked.area.companyId ?? p.companyId!, districtId: locked.area.districtId }));
      managerId = created.id;
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: the area of the approved change, locked above
    await manager.update(PropertyArea, { id: locked.area.id }, { projectManagerId: managerId });
  }
}
