import { Role, ROLE_DEFAULT_GRANTS, UnitCategory } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { Account } from '../access/entities/account.entity';
import { hashPassword } from '../modules/auth/password';
import { AccountPlan, buildAccounts, SeededAccounts } from './accounts';
import { seedAreaChanges } from './area-change-seed';
import { DEMO_COMMON_FUND_PLAN, seedCommonFunds } from './common-fund-seed';
import { seedCredit } from './credit-seed';
import { DEMO_FACILITY_PLAN, seedFacilities } from './facility-seed';
import { indexSeededNames } from './property-area-seed';
import { seedParking } from './parking-seed';
import { DEMO_PRACTITIONER_PLAN, seedPractitioners } from './practitioner-seed';
import { seedDemoDisputes } from './dispute-seed';
import { seedOwnerEvaluations } from './owner-evaluation-seed';
import { seedOwnerDecisions } from './owner-decision-seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount } from './demo-accounts';
import { IdentityFactory } from './names';
import { buildOrganisation, Organisation, OrganisationPlan } from './organisation';
import { SeededRandom } from './random';
import { assertSeedTablesEmpty, seedSteps, writeStep } from './seed-writer';
import { DISTRICTS, FUTIAN_ID, NANSHAN_ID } from './shenzhen';

export const DEFAULT_SEED = 1;

/**
 * Demo scale, what the embedded mode loads: all 680 communities; 福田区 and 南山区 fully populated
 * (about 50 property areas each, with companies, managers, developers, owners' committees and
 * houses), a few areas in every other district; officers everywhere, counterpart accounts for most
 * units, about half of the accounts bound to WeChat, and the demo logins (DEMO_ACCOUNTS, unbound).
 */
export function demoPlan(rng: SeededRandom): { organisation: OrganisationPlan; accounts: Omit<AccountPlan, 'passwordHash'> } {
  const sizes = rng.fork('district-sizes');
  return {
    organisation: {
      areasPerDistrict: DISTRICTS.map((d) => (d.id === FUTIAN_ID ? sizes.int(48, 56) : d.id === NANSHAN_ID ? sizes.int(44, 52) : sizes.int(2, 4))),
      companies: 36,
      developers: 24,
      projectManagerReuse: 0.15,
      shareWithCompany: 0.95,
      shareWithDeveloper: 0.9,
      shareWithCommittee: 0.55,
      houses: { min: 40, max: 160 },
    },
    accounts: {
      demoAccounts: DEMO_ACCOUNTS,
      cityOfficers: 2,
      extraOfficers: { min: 1, max: 3 },
      shareOfStreetsWithOfficer: 0.7,
      shareOfUnitsWithAccount: 0.7,
      shareBound: 0.5,
    },
  };
}

/**
 * Seeds the demo data into empty tables, in one transaction. The same seed number gives the same data.
 * `ownerIdHashSecret`: the app's OWNER_ID_HASH_SECRET (config `owners.idHashSecret`), so that the seeded
 * bindings' ID-number hashes are the ones the running app computes; specs without an app use the seed's own.
 */
export async function seedDemo(dataSource: DataSource, options: { seed?: number; ownerIdHashSecret?: string } = {}): Promise<void> {
  const rng = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const plan = demoPlan(rng);
  const people = new IdentityFactory(rng.fork('people'));
  const organisation = buildOrganisation(plan.organisation, rng.fork('organisation'), people);
  const accounts = buildAccounts(organisation, { ...plan.accounts, passwordHash: await hashPassword(DEMO_PASSWORD) }, rng.fork('accounts'), people);
  placeDemoStreetAccounts(organisation, accounts, DEMO_ACCOUNTS);
  addDemoNewcomers(organisation, accounts, DEMO_ACCOUNTS);
  await dataSource.transaction(async (manager) => {
    await assertSeedTablesEmpty(dataSource, manager);
    for (const step of seedSteps(organisation, accounts, rng.fork('houses'))) await writeStep(dataSource, manager, step);
    await indexSeededNames(dataSource, manager, organisation);
    await seedCredit(dataSource, manager, organisation, accounts, rng.fork('credit'), people);
    // chapter 5 设施设备: 20–200 per area, lifts due within 30 days among them
    await seedFacilities(dataSource, manager, organisation, rng.fork('houses'), rng.fork('facilities'), { plan: DEMO_FACILITY_PLAN });
    // chapter 5 修改申请 / 项目登记 / 项目经理变更 in every state, and the grants their review needs
    await seedAreaChanges(manager, accounts, rng.fork('area-changes'));
    // chapter 13 车位信息: 福田 and 南山 60–85 % filed (some with history), 5–10 % with disputes; the other districts never filed
    await seedParking(dataSource, manager, rng.fork('parking'), { districtIds: [FUTIAN_ID, NANSHAN_ID] });
    // chapter 11 共有资金: banks, accounts with 3 months of transactions, escalation cases in every stage (福田 / 南山 and the few areas elsewhere, so the sweep finds every case already open), and the 福田 / 南山 officers' grants
    await seedCommonFunds(dataSource, manager, rng.fork('common-funds'), { plan: DEMO_COMMON_FUND_PLAN, districtIds: null, demoAccounts: accounts });
    // chapter 12 从业人员: 福田 and 南山 rosters (6+ per area), company HQ staff, 75–90 % filed, certificates expired and expiring
    await seedPractitioners(dataSource, manager, rng.fork('practitioners'), { plan: DEMO_PRACTITIONER_PLAN, districtIds: [FUTIAN_ID, NANSHAN_ID] });
    // chapter 22 纠纷化解台账: 福田 and 南山 over the last year, cases in every state, an import batch, the 南山 street-office logins
    await seedDemoDisputes(dataSource, manager, rng.fork('disputes'));
    // chapter 9 业主评价: 福田 and 南山 owners bound to about half the houses (the two DEMO_OWNER_OPENIDS among them), twelve months of evaluations up to last month with replies and the monthly sums
    await seedOwnerEvaluations(dataSource, manager, rng.fork('owner-evaluations'), { districtIds: [FUTIAN_ID, NANSHAN_ID], idHashSecret: options.ownerIdHashSecret });
    // chapter 10 业主决策: 福田 and 南山 votes in every state over those owners and houses, counted with the tally on both sides of every threshold
    await seedOwnerDecisions(dataSource, manager, rng.fork('owner-decisions'), { districtIds: [FUTIAN_ID, NANSHAN_ID] });
  });
}

/**
 * The street-office demo logins (DEMO_ACCOUNTS with a street): the street's generated account
 * becomes the demo login (renamed, unbound), or, for a street the seed gave no account, one is
 * added at the end with the role's grants. Done after buildAccounts so that every other seeded
 * row, and every random draw, stays as it was.
 */
function placeDemoStreetAccounts(org: Organisation, seeded: SeededAccounts, demoAccounts: readonly DemoAccount[]): void {
  const districtOf = new Map(org.regions.filter((r) => r.parentId === null).map((r) => [r.name, r.id]));
  const phones = new Set(seeded.accounts.map((a) => a.phone));
  for (const demo of demoAccounts.filter((a) => a.role === Role.STREET_OFFICER)) {
    const districtId = demo.district === null ? undefined : districtOf.get(demo.district);
    const street = districtId === undefined ? undefined : org.streetsOf.get(districtId)?.find((r) => r.name === demo.street);
    if (districtId === undefined || !street) throw new Error(`demo account ${demo.username}: no street ${demo.street} in ${demo.district}`);
    const existing = seeded.accounts.find((a) => a.role === Role.STREET_OFFICER && a.streetId === street.id);
    if (existing) {
      Object.assign(existing, { username: demo.username, name: demo.name, wechatOpenId: null, boundAt: null });
      continue;
    }
    const lead = seeded.accounts.find((a) => a.role === Role.DISTRICT_LEAD && a.districtId === districtId)!;
    let phone = Number(`139${String(street.id).padStart(8, '0')}`);
    while (phones.has(String(phone))) phone++;
    phones.add(String(phone));
    const account = {
      id: seeded.accounts.length + 1,
      username: demo.username,
      passwordHash: lead.passwordHash,
      passwordChangedAt: lead.passwordChangedAt,
      name: demo.name,
      phone: String(phone),
      role: Role.STREET_OFFICER,
      districtId,
      streetId: street.id,
      unitCategory: UnitCategory.STREET_OFFICE,
      unitId: street.id,
      position: `${street.name}物业管理专干`,
      wechatOpenId: null,
      boundAt: null,
      createdById: lead.id,
      version: 1,
    };
    seeded.accounts.push(account);
    for (const grant of ROLE_DEFAULT_GRANTS[Role.STREET_OFFICER]) seeded.grants.push({ accountId: account.id, ...grant, grantedById: lead.id });
  }
}

/**
 * The district-officer demo logins that keep their initial password (DEMO_ACCOUNTS with
 * initialPassword): added at the end, with the role's grants, so that every other seeded row stays
 * as it was; their first login must change the password.
 */
function addDemoNewcomers(org: Organisation, seeded: SeededAccounts, demoAccounts: readonly DemoAccount[]): void {
  const districtOf = new Map(org.regions.filter((r) => r.parentId === null).map((r) => [r.name, r.id]));
  const phones = new Set(seeded.accounts.map((a) => a.phone));
  for (const demo of demoAccounts.filter((a) => a.initialPassword)) {
    const districtId = demo.district === null ? undefined : districtOf.get(demo.district);
    if (districtId === undefined) throw new Error(`demo account ${demo.username}: no district ${demo.district}`);
    const lead = seeded.accounts.find((a) => a.role === Role.DISTRICT_LEAD && a.districtId === districtId)!;
    let phone = 13_700_000_000 + districtId * 1000;
    while (phones.has(String(phone))) phone++;
    phones.add(String(phone));
    const account = {
      id: seeded.accounts.length + 1,
      username: demo.username,
      passwordHash: lead.passwordHash,
      passwordChangedAt: null,
      name: demo.name,
      phone: String(phone),
      role: demo.role,
      districtId,
      streetId: null,
      unitCategory: null,
      unitId: null,
      position: '一级科员',
      wechatOpenId: null,
      boundAt: null,
      createdById: lead.id,
      version: 1,
    };
    seeded.accounts.push(account);
    for (const grant of ROLE_DEFAULT_GRANTS[demo.role]) seeded.grants.push({ accountId: account.id, ...grant, grantedById: lead.id });
  }
}

/** Embedded first start: seeds the demo only when no account exists yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(dataSource: DataSource, options: { ownerIdHashSecret?: string } = {}): Promise<boolean> {
  if (await dataSource.getRepository(Account).exists()) return false;
  await seedDemo(dataSource, options);
  return true;
}
