import { GrantAction, GrantDto, ModuleKey, MODULES, Role, ROLE_DEFAULT_GRANTS, UnitCategory } from '@szpm/contract';
import { Account } from '../access/entities/account.entity';
import { ModuleGrant } from '../access/entities/module-grant.entity';
import { DemoAccount } from './demo-accounts';
import { IdentityFactory } from './names';
import { Organisation, pad, SEED_REFERENCE_DATE } from './organisation';
import { SeededRandom } from './random';
import { DISTRICTS, FUTIAN_ID } from './shenzhen';

export type AccountRow = Pick<
  Account,
  | 'id'
  | 'username'
  | 'passwordHash'
  | 'passwordChangedAt'
  | 'name'
  | 'phone'
  | 'role'
  | 'districtId'
  | 'streetId'
  | 'unitCategory'
  | 'unitId'
  | 'position'
  | 'wechatOpenId'
  | 'boundAt'
  | 'createdById'
  | 'version'
>;
export type GrantRow = Pick<ModuleGrant, 'accountId' | 'module' | 'action' | 'grantedById'>;

export interface AccountPlan {
  /** one hash for every seeded account (hashing thousands of times would only cost time) */
  passwordHash: string;
  /** the demo logins (demo scale); null at city scale, which never creates them */
  demoAccounts: readonly DemoAccount[] | null;
  cityOfficers: number;
  /** supervisors and handlers per district beyond the first of each */
  extraOfficers: { min: number; max: number };
  shareOfStreetsWithOfficer: number;
  shareOfUnitsWithAccount: number;
  /** share of the generated accounts bound to a WeChat openid (the demo logins always stay unbound) */
  shareBound: number;
}

export interface SeededAccounts {
  accounts: AccountRow[];
  grants: GrantRow[];
}

const CITY_ONLY_MODULES = MODULES.filter((m) => m.cityGrantOnly).map((m) => m.key);

/**
 * The grants a city account has given on top of the role's template (部分模块的权限需要市局相关负责人赋权):
 * evaluation staff work in service evaluation and read credit information; district leads read every city-only module.
 */
export const CITY_GRANTED_EXTRAS: Partial<Record<Role, GrantDto[]>> = {
  [Role.DISTRICT_LEAD]: CITY_ONLY_MODULES.map((module) => ({ module, action: GrantAction.VIEW })),
  [Role.DISTRICT_SUPERVISOR]: [
    { module: ModuleKey.SERVICE_EVALUATION, action: GrantAction.VIEW },
    { module: ModuleKey.SERVICE_EVALUATION, action: GrantAction.OPERATE },
    { module: ModuleKey.CREDIT, action: GrantAction.VIEW },
  ],
  [Role.DISTRICT_HANDLER]: [
    { module: ModuleKey.SERVICE_EVALUATION, action: GrantAction.VIEW },
    { module: ModuleKey.SERVICE_EVALUATION, action: GrantAction.OPERATE },
    { module: ModuleKey.CREDIT, action: GrantAction.VIEW },
  ],
};

const HANDLER_POSITIONS = ['一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员'];

/**
 * Officers of the city and of every district (a lead, a supervisor, handlers, street-office staff
 * for most streets) and counterpart accounts for most units, with their module grants.
 */
export function buildAccounts(org: Organisation, plan: AccountPlan, rng: SeededRandom, people: IdentityFactory): SeededAccounts {
  const accounts: AccountRow[] = [];
  const grants: GrantRow[] = [];
  const demoLogins = new Set<number>();
  const demo = (role: Role, district: string | null) => plan.demoAccounts?.find((a) => a.role === role && a.district === district && !a.initialPassword);
  // seeded accounts count as having set their password as they are written (demo logins work at once)
  const seededAt = new Date();

  const add = (
    row: Omit<AccountRow, 'id' | 'passwordHash' | 'passwordChangedAt' | 'wechatOpenId' | 'boundAt' | 'version' | 'name' | 'phone'> & { name?: string; phone?: string },
    demoAccount?: DemoAccount,
  ): AccountRow => {
    const account: AccountRow = {
      id: accounts.length + 1,
      passwordHash: plan.passwordHash,
      passwordChangedAt: seededAt,
      wechatOpenId: null,
      boundAt: null,
      version: 1,
      ...row,
      username: demoAccount?.username ?? row.username,
      name: demoAccount?.name ?? row.name ?? people.personName(),
      phone: row.phone ?? people.mobile(),
    };
    accounts.push(account);
    if (demoAccount) demoLogins.add(account.id);
    return account;
  };
  const grant = (account: AccountRow, grantedById: number, cityAdminId: number) => {
    for (const g of ROLE_DEFAULT_GRANTS[account.role]) grants.push({ accountId: account.id, ...g, grantedById });
    for (const g of CITY_GRANTED_EXTRAS[account.role] ?? []) grants.push({ accountId: account.id, ...g, grantedById: cityAdminId });
  };
  const officer = { districtId: null, streetId: null, unitCategory: null, unitId: null } as const;

  const admin = add({ ...officer, username: plan.demoAccounts ? 'city.admin' : 'city.admin01', role: Role.CITY_ADMIN, position: '系统管理员', createdById: null }, demo(Role.CITY_ADMIN, null));
  grant(admin, admin.id, admin.id);
  for (let i = 1; i <= plan.cityOfficers; i++) {
    const cityOfficer = add({ ...officer, username: `city.officer${pad(i, 2)}`, role: Role.CITY_OFFICER, position: '物业监管处科员', createdById: admin.id });
    grant(cityOfficer, admin.id, admin.id);
  }

  const officerRng = rng.fork('officers');
  const leadOf = new Map<number, AccountRow>();
  for (const district of DISTRICTS) {
    const inDistrict = { ...officer, districtId: district.id };
    const lead = add({ ...inDistrict, username: `${district.pinyin}.lead01`, role: Role.DISTRICT_LEAD, position: '副局长', createdById: admin.id }, demo(Role.DISTRICT_LEAD, district.name));
    grant(lead, admin.id, admin.id);
    leadOf.set(district.id, lead);
    const staff: Array<{ role: Role; position: string }> = [
      { role: Role.DISTRICT_SUPERVISOR, position: '物业管理科科长' },
      { role: Role.DISTRICT_HANDLER, position: officerRng.pick(HANDLER_POSITIONS) },
    ];
    for (let i = officerRng.int(plan.extraOfficers.min, plan.extraOfficers.max); i > 0; i--) {
      staff.push(officerRng.chance(0.25) ? { role: Role.DISTRICT_SUPERVISOR, position: '物业管理科副科长' } : { role: Role.DISTRICT_HANDLER, position: officerRng.pick(HANDLER_POSITIONS) });
    }
    const numbered = new Map<Role, number>();
    for (const { role, position } of staff) {
      const n = (numbered.get(role) ?? 0) + 1;
      numbered.set(role, n);
      const roleName = role === Role.DISTRICT_SUPERVISOR ? 'supervisor' : 'handler';
      const account = add({ ...inDistrict, username: `${district.pinyin}.${roleName}${pad(n, 2)}`, role, position, createdById: lead.id }, n === 1 ? demo(role, district.name) : undefined);
      grant(account, lead.id, admin.id);
    }
    const streets = officerRng.sample(org.streetsOf.get(district.id)!, plan.shareOfStreetsWithOfficer).sort((a, b) => a.id - b.id);
    for (const street of streets) {
      const account = add({
        ...inDistrict,
        username: `${district.pinyin}.street${pad(street.id % 100, 2)}`,
        role: Role.STREET_OFFICER,
        streetId: street.id,
        unitCategory: UnitCategory.STREET_OFFICE,
        unitId: street.id,
        position: `${street.name}物业管理专干`,
        createdById: lead.id,
      });
      grant(account, lead.id, admin.id);
    }
  }

  // counterpart accounts speak for their unit: the company's legal representative, the manager, the committee chair
  const unitRng = rng.fork('unit-accounts');
  const demoUnits = plan.demoAccounts ? chooseDemoUnits(org) : null;
  const withAccount = <T extends { id: number }>(units: T[], forced: T | undefined) => {
    const chosen = new Set(unitRng.sample(units, plan.shareOfUnitsWithAccount).map((u) => u.id));
    if (forced) chosen.add(forced.id);
    return units.filter((u) => chosen.has(u.id));
  };
  for (const company of withAccount(org.companies, demoUnits?.company)) {
    const demoAccount = company === demoUnits?.company ? demo(Role.PROPERTY_COMPANY, '福田区') : undefined;
    if (demoAccount) company.legalRepresentative = demoAccount.name;
    add(
      {
        username: `company.${company.id}`,
        name: company.legalRepresentative,
        phone: company.contactPhone,
        role: Role.PROPERTY_COMPANY,
        districtId: company.registeredDistrictId,
        streetId: null,
        unitCategory: UnitCategory.PROPERTY_COMPANY,
        unitId: company.id,
        position: '法定代表人',
        createdById: leadOf.get(company.registeredDistrictId)!.id,
      },
      demoAccount,
    );
  }
  for (const manager of withAccount(org.projectManagers, demoUnits?.manager)) {
    const demoAccount = manager === demoUnits?.manager ? demo(Role.PROJECT_MANAGER, '福田区') : undefined;
    if (demoAccount) manager.name = demoAccount.name;
    add(
      {
        username: `manager.${manager.id}`,
        name: manager.name,
        phone: manager.phone,
        role: Role.PROJECT_MANAGER,
        districtId: manager.districtId,
        streetId: null,
        unitCategory: UnitCategory.PROJECT_MANAGER,
        unitId: manager.id,
        position: '项目经理',
        createdById: leadOf.get(manager.districtId)!.id,
      },
      demoAccount,
    );
  }
  for (const committee of withAccount(org.committees, demoUnits?.committee)) {
    const demoAccount = committee === demoUnits?.committee ? demo(Role.OWNERS_COMMITTEE, '福田区') : undefined;
    if (demoAccount) committee.chairName = demoAccount.name;
    add(
      {
        username: `committee.${committee.id}`,
        name: committee.chairName,
        phone: committee.chairPhone,
        role: Role.OWNERS_COMMITTEE,
        districtId: committee.districtId,
        streetId: null,
        unitCategory: UnitCategory.OWNERS_COMMITTEE,
        unitId: committee.id,
        position: '业主委员会主任',
        createdById: leadOf.get(committee.districtId)!.id,
      },
      demoAccount,
    );
  }

  const boundRng = rng.fork('binding');
  const since = new Date(SEED_REFERENCE_DATE.getTime() - 730 * 24 * 3600 * 1000);
  for (const account of boundRng.sample(accounts.filter((a) => !demoLogins.has(a.id)), plan.shareBound).sort((a, b) => a.id - b.id)) {
    account.wechatOpenId = people.openId();
    account.boundAt = boundRng.dateBetween(since, SEED_REFERENCE_DATE);
  }
  return { accounts, grants };
}

/** The units behind demo.company, demo.manager and demo.committee: the busiest company of 福田区, its manager and committee there. */
function chooseDemoUnits(org: Organisation) {
  const futianAreas = org.areas.filter((a) => a.districtId === FUTIAN_ID && a.companyId !== null);
  const areasOf = new Map<number, number>();
  for (const a of futianAreas) areasOf.set(a.companyId!, (areasOf.get(a.companyId!) ?? 0) + 1);
  const company = org.companies
    .filter((c) => c.registeredDistrictId === FUTIAN_ID && areasOf.has(c.id))
    .sort((a, b) => areasOf.get(b.id)! - areasOf.get(a.id)! || a.id - b.id)[0];
  const companyAreas = futianAreas.filter((a) => a.companyId === company.id);
  const manager = org.projectManagers.find((m) => m.id === companyAreas[0].projectManagerId)!;
  const committeeAreas = new Set(companyAreas.map((a) => a.id));
  const committee =
    org.committees.find((c) => committeeAreas.has(c.propertyAreaId)) ?? org.committees.find((c) => c.districtId === FUTIAN_ID)!;
  return { company, manager, committee };
}
