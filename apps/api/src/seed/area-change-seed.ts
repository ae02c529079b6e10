import {
  AREA_CHANGE_FORM_TYPE,
  PROJECT_MANAGER_CHANGE_FORM_TYPE,
  PROJECT_REGISTRATION_FORM_TYPE,
  PROPERTY_AREA_SUBJECT,
  Role,
  UnitCategory,
  WorkflowAction,
  WorkflowOrigin,
  WorkflowStatus,
} from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PropertyAreaCase } from '../modules/property-areas/changes/entities/property-area-case.entity';
import { ProjectManager } from '../modules/regions/entities/project-manager.entity';
import { PropertyArea } from '../modules/regions/entities/property-area.entity';
import { PropertyCompany } from '../modules/regions/entities/property-company.entity';
import { Region, RegionLevel } from '../modules/regions/entities/region.entity';
import { WorkflowActionRecord } from '../modules/workflow/entities/workflow-action-record.entity';
import { WorkflowCase } from '../modules/workflow/entities/workflow-case.entity';
import { WorkflowSequence } from '../modules/workflow/entities/workflow-sequence.entity';
import { AccountRow, SeededAccounts } from './accounts';
import { SEED_REFERENCE_DATE, shanghaiDay } from './organisation';
import { SeededRandom } from './random';
import { FUTIAN_ID, NANSHAN_ID } from './shenzhen';

const S = WorkflowStatus;
const A = WorkflowAction;
const DAY = 24 * 3600_000;

/**
 * How the seeded change requests stand: every state at least once (the notes' 70 / 20 / 10 split of
 * approved / rejected / pending is for the city scale; with about 50 areas a district, 2–5 % would
 * be one or two requests and could not show every state).
 */
const CHANGE_OUTCOMES: Record<number, readonly WorkflowStatus[]> = {
  [FUTIAN_ID]: [S.APPROVED, S.APPROVED, S.REJECTED, S.REVIEW],
  [NANSHAN_ID]: [S.APPROVED, S.APPROVED, S.ENTRY, S.WITHDRAWN],
};

const OPINIONS: Partial<Record<WorkflowAction, string[]>> = {
  [A.APPROVE]: ['经核实，同意修改', '与不动产登记信息一致，同意', '同意'],
  [A.REJECT]: ['修改依据不足，请核实后重新申请', '与房屋测绘报告不符，不同意'],
  [A.RETURN_TO_PREVIOUS]: ['请补充修改依据（测绘报告或备案证明）后重新提交'],
};

type SeedCase = Omit<WorkflowCase, 'id' | 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

/**
 * Chapter 5 demo data: change requests in every state on 2–5 % of the areas of 福田区 and 南山区
 * (within 90 days before the reference date; approved ones already hold their new values, so the
 * request's `before` is the older value), and a project registration and a project-manager change
 * waiting for acceptance in 福田区, filed by the demo company (the role templates give the reviewers their grants).
 */
export async function seedAreaChanges(manager: EntityManager, seeded: SeededAccounts, rng: SeededRandom): Promise<void> {
  const cityOfficer = seeded.accounts.find((a) => a.role === Role.CITY_OFFICER);
  if (!cityOfficer) return;
  const numbers = new Map<string, number>();
  const businessNo = (prefix: string, at: Date) => {
    const name = `${prefix}-${shanghaiDay(at).replace(/-/g, '')}`;
    const n = (numbers.get(name) ?? 0) + 1;
    numbers.set(name, n);
    return `${name}-${String(n).padStart(4, '0')}`;
  };

  for (const [districtKey, outcomes] of Object.entries(CHANGE_OUTCOMES)) {
    const districtId = Number(districtKey);
    // a handler other than the demo login (whose lists stay as the other chapters' specs expect), when the district has one
    const handlers = seeded.accounts.filter((a) => a.role === Role.DISTRICT_HANDLER && a.districtId === districtId);
    const applicant = handlers[1] ?? handlers[0];
    if (!applicant) continue;
    const areas = await manager.find(PropertyArea, { where: { districtId }, order: { id: 'ASC' } });
    const chosen = rng.fork(`areas-${districtId}`).shuffle(areas).slice(0, outcomes.length);
    for (const [i, area] of chosen.entries()) {
      const outcome = outcomes[i];
      const createdAt = new Date(SEED_REFERENCE_DATE.getTime() - rng.int(5, 90) * DAY - rng.int(0, 8 * 3600) * 1000);
      const decidedAt = new Date(createdAt.getTime() + rng.int(1, 4) * DAY);
      const delta = rng.int(1, 12);
      // approved: the area already holds the proposed values; otherwise it still holds `before`
      const [before, proposed] =
        outcome === S.APPROVED
          ? [{ houseCount: Math.max(0, area.houseCount - delta), floorArea: Math.max(0, area.floorArea - delta * 90) }, { houseCount: area.houseCount, floorArea: area.floorArea }]
          : [{ houseCount: area.houseCount, floorArea: area.floorArea }, { houseCount: area.houseCount + delta, floorArea: area.floorArea + delta * 90 }];
      const payload = { propertyAreaId: area.id, proposed, before, labels: { houseCount: '房屋套数', floorArea: '建筑面积' }, areaName: area.name, reason: '根据房屋测绘报告更正' };
      const history: Array<{ action: WorkflowAction; from: WorkflowStatus | null; to: WorkflowStatus; actor: AccountRow; at: Date }> = [
        { action: A.CREATE, from: null, to: S.ENTRY, actor: applicant, at: createdAt },
        { action: A.SUBMIT, from: S.ENTRY, to: S.REVIEW, actor: applicant, at: createdAt },
      ];
      if (outcome === S.APPROVED) history.push({ action: A.APPROVE, from: S.REVIEW, to: S.APPROVED, actor: cityOfficer, at: decidedAt });
      if (outcome === S.REJECTED) history.push({ action: A.REJECT, from: S.REVIEW, to: S.REJECTED, actor: cityOfficer, at: decidedAt });
      if (outcome === S.ENTRY) history.push({ action: A.RETURN_TO_PREVIOUS, from: S.REVIEW, to: S.ENTRY, actor: cityOfficer, at: decidedAt });
      if (outcome === S.WITHDRAWN) history.push({ action: A.WITHDRAW, from: S.REVIEW, to: S.WITHDRAWN, actor: applicant, at: decidedAt });
      const finished = [S.APPROVED, S.REJECTED, S.WITHDRAWN].includes(outcome);
      const last = history[history.length - 1].at;
      const caseRow: SeedCase = {
        businessNo: businessNo('PAC', createdAt),
        formType: AREA_CHANGE_FORM_TYPE,
        origin: WorkflowOrigin.OFFICER,
        status: outcome,
        districtId,
        streetId: null,
        subjectType: PROPERTY_AREA_SUBJECT,
        subjectId: area.id,
        subjectName: area.name,
        title: `${area.name}：修改房屋套数、建筑面积`,
        payload,
        originalPayload: payload,
        initiatorId: applicant.id,
        initiatorName: applicant.name,
        initiatorRole: applicant.role,
        initiatorUnitCategory: null,
        initiatorUnitId: null,
        entryActorId: applicant.id,
        version: history.length - 1,
        createdAt,
        updatedAt: last,
        finishedAt: finished ? last : null,
      };
      await writeCase(manager, caseRow, history, rng, { propertyAreaId: area.id, streetId: area.streetId, communityId: area.communityId, areaName: area.name, open: !finished });
    }
  }

  await seedCounterpartApplications(manager, seeded, businessNo, rng);
  for (const [name, lastValue] of numbers) await manager.insert(WorkflowSequence, { name, lastValue });
}

async function writeCase(
  manager: EntityManager,
  row: SeedCase,
  history: Array<{ action: WorkflowAction; from: WorkflowStatus | null; to: WorkflowStatus; actor: AccountRow; at: Date }>,
  rng: SeededRandom,
  place: { propertyAreaId: number | null; streetId: number | null; communityId: number | null; areaName: string; open: boolean },
): Promise<void> {
  const inserted = await manager.insert(WorkflowCase, row as unknown as QueryDeepPartialEntity<WorkflowCase>);
  const caseId = Number(inserted.identifiers[0].id);
  for (const [i, step] of history.entries()) {
    const opinions = OPINIONS[step.action];
    await manager.insert(WorkflowActionRecord, {
      caseId,
      seq: i + 1,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: step.actor.id,
      actorName: step.actor.name,
      actorRole: step.actor.role,
      onBehalfOfId: null,
      onBehalfOfName: null,
      opinion: opinions ? rng.pick(opinions) : null,
      remark: null,
      attachmentIds: [],
      at: step.at,
    });
  }
  const { open, ...where } = place;
  await manager.insert(PropertyAreaCase, { caseId, formType: row.formType, districtId: row.districtId, ...where, openAreaId: open ? place.propertyAreaId : null });
}

/** 福田区: the demo company's registration of a new project and its change of one project's manager, both 待受理. */
async function seedCounterpartApplications(manager: EntityManager, seeded: SeededAccounts, businessNo: (prefix: string, at: Date) => string, rng: SeededRandom): Promise<void> {
  const filer = seeded.accounts.find((a) => a.username === 'demo.company' && a.unitCategory === UnitCategory.PROPERTY_COMPANY);
  if (!filer || filer.unitId === null) return;
  const company = await manager.findOneOrFail(PropertyCompany, { where: { id: filer.unitId } });
  const areas = await manager.find(PropertyArea, { where: { districtId: FUTIAN_ID, companyId: company.id }, order: { id: 'ASC' } });
  const managers = await manager.find(ProjectManager, { where: { companyId: company.id }, order: { id: 'ASC' } });
  const community = (await manager.find(Region, { where: { districtId: FUTIAN_ID, level: RegionLevel.COMMUNITY }, order: { id: 'ASC' } }))[rng.int(0, 20)];
  const filed = new Date(SEED_REFERENCE_DATE.getTime() - 2 * DAY);
  const subject = (title: string, areaId: number | null, name: string, payload: Record<string, unknown>, formType: string, prefix: string): SeedCase => ({
    businessNo: businessNo(prefix, filed),
    formType,
    origin: WorkflowOrigin.SUBJECT,
    status: S.PENDING_ACCEPTANCE,
    districtId: FUTIAN_ID,
    streetId: null,
    subjectType: PROPERTY_AREA_SUBJECT,
    subjectId: areaId,
    subjectName: name,
    title,
    payload,
    originalPayload: payload,
    initiatorId: filer.id,
    initiatorName: filer.name,
    initiatorRole: filer.role,
    initiatorUnitCategory: UnitCategory.PROPERTY_COMPANY,
    initiatorUnitId: company.id,
    entryActorId: null,
    version: 1,
    createdAt: filed,
    updatedAt: filed,
    finishedAt: null,
  });
  const create = (actor: AccountRow) => [{ action: A.CREATE, from: null, to: S.PENDING_ACCEPTANCE, actor, at: filed }];

  const name = `${community.name.replace(/社区$/, '')}雅苑二期`;
  const registration = {
    name,
    communityId: community.id,
    address: `深圳市福田区${community.name.replace(/社区$/, '')}路${rng.int(1, 200)}号`,
    landNumber: `B${rng.int(100, 999)}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
    boundEast: '规划支路',
    boundSouth: '市政绿地',
    boundWest: '现状住宅区',
    boundNorth: '城市次干道',
    floorArea: 86_500,
    houseCount: 720,
    longitude: 114.05 + rng.int(0, 400) / 10_000,
    latitude: 22.53 + rng.int(0, 300) / 10_000,
    developerName: '深圳市城建开发（集团）有限公司',
    handoverDate: '2026-05-18',
    contactName: filer.name,
    contactPhone: filer.phone,
    companyId: company.id,
    companyName: company.name,
    projectManagerName: null,
    districtId: FUTIAN_ID,
    streetId: community.streetId,
    communityName: community.name,
    current: null,
  };
  await writeCase(manager, subject(`${name}：新项目登记`, null, name, registration, PROJECT_REGISTRATION_FORM_TYPE, 'PR'), create(filer), rng, {
    propertyAreaId: null,
    streetId: community.streetId,
    communityId: community.id,
    areaName: name,
    open: false,
  });

  const area = areas[areas.length - 1];
  if (!area) return;
  const replacement = managers.find((m) => m.id !== area.projectManagerId);
  const previous = managers.find((m) => m.id === area.projectManagerId) ?? null;
  const managerName = replacement?.name ?? '周文斌';
  const change = {
    propertyAreaId: area.id,
    ...(replacement ? { projectManagerId: replacement.id } : { newManager: { name: managerName, phone: '13912345678', idNumber: '440304198803150018', certificateNo: 'WYJL-2024-0188' } }),
    reason: '原项目经理岗位调整',
    areaName: area.name,
    companyId: company.id,
    previousManagerId: previous?.id ?? null,
    previousManagerName: previous?.name ?? null,
    managerName,
  };
  await writeCase(manager, subject(`${area.name}：项目经理变更为${managerName}`, area.id, area.name, change, PROJECT_MANAGER_CHANGE_FORM_TYPE, 'PMC'), create(filer), rng, {
    propertyAreaId: area.id,
    streetId: area.streetId,
    communityId: area.communityId,
    areaName: area.name,
    open: true,
  });
}
