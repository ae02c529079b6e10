import { GrantAction, ModuleKey, Role, UnitCategory, WorkflowAction, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { EntityManager } from 'typeorm';
import { Account } from '../../src/access/entities/account.entity';
import { ModuleGrant } from '../../src/access/entities/module-grant.entity';
import { Actor } from '../../src/access/actor';
import { ActorLoader } from '../../src/access/actor-loader.service';
import { AppException } from '../../src/common/errors/app.exception';
import { hashPassword } from '../../src/modules/auth/password';
import { PropertyCompany } from '../../src/modules/regions/entities/property-company.entity';
import { WorkflowFormDefinition, WorkflowHookContext } from '../../src/modules/workflow/workflow-form';
import { WorkflowRegistry } from '../../src/modules/workflow/workflow-registry';
import { WorkflowStep } from '../../src/modules/workflow/workflow-transitions';
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts';
import { TestApp } from './test-app';

/**
 * A small form for the engine's tests: change a property company's registered address. The
 * content names the company and the new address; the server fills in the company's name (a
 * client-sent value is overwritten). Approval writes the address to property_companies.
 */
export class AddressChangePayload {
  @IsInt()
  @Min(1)
  companyId: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  address: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  /** decided by the server from companyId */
  @IsOptional()
  @IsString()
  companyName?: string;
}

/**
 * Test seam: runs once inside the next prepare, i.e. after the engine has read the form and before
 * it writes it, to let a test commit a competing change exactly there.
 */
export const prepareSeam: { run: (() => Promise<void>) | null } = { run: null };

/** An address that makes onApproved fail, to show the approval rolls back as a whole. */
export const FAILING_ADDRESS = '触发审批失败的地址';

export interface HookCall {
  hook: 'onCreated' | 'onApproved' | 'onRejected';
  formType: string;
  context: Pick<WorkflowHookContext, 'caseId' | 'businessNo' | 'districtId'> & { actorId: number };
  payload: AddressChangePayload;
}

function definition(formType: string, label: string, origin: WorkflowOrigin, calls: HookCall[], extra: Partial<WorkflowFormDefinition<AddressChangePayload>> = {}): WorkflowFormDefinition<AddressChangePayload> {
  const log = (hook: HookCall['hook'], context: WorkflowHookContext, payload: AddressChangePayload) =>
    calls.push({ hook, formType, payload, context: { caseId: context.caseId, businessNo: context.businessNo, districtId: context.districtId, actorId: context.actor.accountId } });
  return {
    formType,
    label,
    module: ModuleKey.SERVICE_EVALUATION,
    origin,
    payloadClass: AddressChangePayload,
    async prepare(manager: EntityManager, actor: Actor, payload: AddressChangePayload) {
      const seam = prepareSeam.run;
      prepareSeam.run = null;
      if (seam) await seam();
      const company = await manager.findOne(PropertyCompany, { where: { id: payload.companyId } });
      if (!company) throw AppException.invalidField('companyId', '物业服务企业不存在');
      if (actor.role === Role.PROPERTY_COMPANY && !(actor.unitCategory === UnitCategory.PROPERTY_COMPANY && actor.unitId === company.id)) {
        throw AppException.invalidField('companyId', '只能为本企业提出申请');
      }
      return {
        payload: { ...payload, companyName: company.name },
        districtId: company.registeredDistrictId,
        summary: { title: `${company.name}注册地址变更`, subjectType: 'PROPERTY_COMPANY', subjectId: company.id, subjectName: company.name },
      };
    },
    async onApproved(context, payload) {
      if (payload.address === FAILING_ADDRESS) throw AppException.invalidField('address', '地址无法生效');
      await context.manager.update(PropertyCompany, { id: payload.companyId }, { address: payload.address });
      log('onApproved', context, payload);
    },
    async onRejected(context, payload) {
      log('onRejected', context, payload);
    },
    async onCreated(context, payload) {
      log('onCreated', context, payload);
    },
    ...extra,
  };
}

export const OFFICER_FORM = 'TEST_ADDRESS_CHANGE';
export const SUBJECT_FORM = 'TEST_ADDRESS_OBJECTION';
/** entered and reviewed by the same role, to show an entrant cannot review their own form */
export const SAME_ROLE_FORM = 'TEST_SUPERVISOR_NOTE';

/**
 * A three-party form of chapter 22's shape (纠纷化解), as a test fixture: the district enters it,
 * 转办 passes it to the street office the district chooses (the action names the street; no street
 * office sees the case before), which handles it (化解 / 疏导 with an outcome,
 * 申请办结) or returns it; the district reviews: 驳回重报 back to the street, or 同意办结. The district
 * may also handle a case itself, and then 驳回重报 comes back to the district's handler.
 */
export const STREET_CASE_FORM = 'TEST_STREET_CASE';

const S = WorkflowStatus;
const A = WorkflowAction;
export const STREET_CASE_STEPS: readonly WorkflowStep[] = [
  { from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY', assigned: true },
  { from: S.ENTRY, action: A.TRANSFER, to: S.STREET_HANDLING, party: 'ENTRY', assigned: true },
  { from: S.ENTRY, action: A.HANDLE, to: S.REVIEW, party: 'ENTRY', assigned: true },
  { from: S.STREET_HANDLING, action: A.EDIT, to: S.STREET_HANDLING, party: 'STREET' },
  { from: S.STREET_HANDLING, action: A.HANDLE, to: S.STREET_REVIEW, party: 'STREET' },
  { from: S.STREET_HANDLING, action: A.RETURN_TO_PREVIOUS, to: S.ENTRY, party: 'STREET' },
  { from: S.STREET_REVIEW, action: A.SEND_BACK, to: S.STREET_HANDLING, party: 'REVIEW' },
  { from: S.STREET_REVIEW, action: A.APPROVE_CLOSE, to: S.APPROVED, party: 'REVIEW' },
  { from: S.REVIEW, action: A.SEND_BACK, to: S.ENTRY, party: 'REVIEW' },
  { from: S.REVIEW, action: A.APPROVE_CLOSE, to: S.APPROVED, party: 'REVIEW' },
];

export class StreetCasePayload {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  summary: string;

  /** 处置方式 化解 / 疏导 */
  @IsOptional()
  @IsIn(['RESOLVE', 'DE_ESCALATE'])
  disposal?: string;

  /** 处置情况 案结事了 / 案结事未了 */
  @IsOptional()
  @IsIn(['SETTLED', 'CLOSED_UNSETTLED'])
  outcome?: string;
}

export function streetCaseDefinition(): WorkflowFormDefinition<StreetCasePayload> {
  return {
    formType: STREET_CASE_FORM,
    label: '测试：纠纷化解',
    module: ModuleKey.DISPUTES,
    origin: WorkflowOrigin.OFFICER,
    steps: STREET_CASE_STEPS,
    statusLabels: { [S.REVIEW]: '待审核', [S.APPROVED]: '已办结' },
    payloadClass: StreetCasePayload,
    async prepare(_manager, actor, payload) {
      // a case of the district office that enters it (and of the officers who edit it later); its street comes with 转办
      if (actor.districtId === null) throw AppException.forbidden('纠纷由区局录入');
      return { payload, districtId: actor.districtId, summary: { title: payload.summary, subjectType: null, subjectId: null, subjectName: null } };
    },
    async onTransition(_context, step, payload) {
      if (step.action === A.HANDLE && (!payload.disposal || !payload.outcome)) throw AppException.invalidField('payload.disposal', '申请办结须填写处置方式和处置情况');
    },
    async onApproved() {},
  };
}

/** Registers the three test form types with the running app; returns the log of hook calls. */
export function registerTestForms(t: TestApp): HookCall[] {
  const calls: HookCall[] = [];
  const registry = t.app.get(WorkflowRegistry);
  registry.register(definition(OFFICER_FORM, '测试：企业地址变更', WorkflowOrigin.OFFICER, calls, { businessNoPrefix: 'TAC' }));
  registry.register(definition(SUBJECT_FORM, '测试：企业地址异议', WorkflowOrigin.SUBJECT, calls, { businessNoPrefix: 'TAO', filingRoles: [Role.PROPERTY_COMPANY] }));
  registry.register(
    definition(SAME_ROLE_FORM, '测试：负责人互审', WorkflowOrigin.OFFICER, calls, {
      entryRoles: [Role.DISTRICT_SUPERVISOR],
      reviewRoles: [Role.DISTRICT_SUPERVISOR],
    }),
  );
  return calls;
}

export async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const account = await t.dataSource.getRepository(Account).findOneByOrFail({ username });
  return t.app.get(ActorLoader).fromAccount(account);
}

/** A further officer of a district (a second supervisor), with the evaluation grants. */
export async function createOfficer(t: TestApp, username: string, role: Role, districtId: number): Promise<Account> {
  const accounts = t.dataSource.getRepository(Account);
  const phone = `199${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const account = await accounts.save(
    accounts.create({ username, passwordHash: await hashPassword(DEMO_PASSWORD), name: `测试${username.slice(-4)}`, phone, role, districtId, streetId: null, unitCategory: null, unitId: null }),
  );
  const grants: Array<[ModuleKey, GrantAction]> = [
    [ModuleKey.TODOS, GrantAction.VIEW],
    [ModuleKey.TODOS, GrantAction.OPERATE],
    [ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW],
    [ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE],
  ];
  await t.dataSource.getRepository(ModuleGrant).insert(grants.map(([module, action]) => ({ accountId: account.id, module, action, grantedById: null })));
  return account;
}

/** A company registered in the district (not the demo company, so tests do not disturb each other). */
export async function companyIn(t: TestApp, districtId: number, skip = 0): Promise<PropertyCompany> {
  const demo = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.company' });
  const rows = await t.dataSource
    .getRepository(PropertyCompany)
    .createQueryBuilder('c')
    .where('c.registeredDistrictId = :districtId', { districtId })
    .andWhere('c.id <> :demo', { demo: demo.unitId })
    .orderBy('c.id', 'ASC')
    .getMany();
  if (rows.length <= skip) throw new Error(`not enough companies registered in district ${districtId}`);
  return rows[skip];
}

export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('test image body')]);
