import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../modules/auth/password';
import { AccountPlan, buildAccounts } from './accounts';
import { IdentityFactory } from './names';
import { indexSeededNames } from './property-area-seed';
import { CITY_FACILITY_PLAN, seedFacilities } from './facility-seed';
import { CITY_COMMON_FUND_PLAN, seedCommonFunds } from './common-fund-seed';
import { seedParking } from './parking-seed';
import { CITY_PRACTITIONER_PLAN, seedPractitioners } from './practitioner-seed';
import { cityDisputePlan, seedDisputes } from './dispute-seed';
import { seedOwnerCity } from './owner-city-seed';
import { buildOrganisation, OrganisationPlan } from './organisation';
import { apportion, SeededRandom } from './random';
import { assertSeedTablesEmpty, seedSteps, writeStep } from './seed-writer';
import { DISTRICTS } from './shenzhen';

/** City scale per domain-notes.md. */
export interface CitySize {
  propertyAreas: number;
  companies: number;
  projectManagers: number;
  developers: number;
  houses: number;
}

export const CITY_SIZE: CitySize = { propertyAreas: 10_000, companies: 3_000, projectManagers: 10_000, developers: 1_500, houses: 1_000_000 };

export interface CitySeedResult {
  /** rows written per table, in the order written */
  tables: Array<{ table: string; rows: number; seconds: number }>;
  seconds: number;
  /** the first password of the seeded officer and unit accounts (random per run; city scale has no demo logins) */
  initialPassword: string;
}

export function cityPlan(size: CitySize): { organisation: OrganisationPlan; accounts: Omit<AccountPlan, 'passwordHash'> } {
  return {
    organisation: {
      areasPerDistrict: apportion(size.propertyAreas, DISTRICTS.map((d) => d.areaWeight)),
      companies: size.companies,
      developers: size.developers,
      projectManagers: size.projectManagers,
      // one manager per managed area; the few left over are between projects
      projectManagerReuse: 0,
      shareWithCompany: Math.min(0.98, size.projectManagers / size.propertyAreas),
      shareWithDeveloper: 0.92,
      shareWithCommittee: 0.45,
      houses: housesPerArea(size),
    },
    accounts: {
      demoAccounts: null,
      cityOfficers: 3,
      extraOfficers: { min: 4, max: 8 },
      shareOfStreetsWithOfficer: 0.7,
      shareOfUnitsWithAccount: 0.7,
      shareBound: 0.5,
    },
  };
}

/**
 * City scale (≈10,000 property areas, 3,000 companies, 10,000 project managers, 1,000,000 houses)
 * by multi-row INSERTs in chunks, one transaction per table. Officer accounts for every district
 * and counterpart accounts for most units, but never the demo logins.
 */
export async function seedCity(
  dataSource: DataSource,
  options: { seed: number; log: (line: string) => void; size?: CitySize },
): Promise<CitySeedResult> {
  const started = Date.now();
  const rng = new SeededRandom(options.seed);
  const plan = cityPlan(options.size ?? CITY_SIZE);
  const people = new IdentityFactory(rng.fork('people'));
  const organisation = buildOrganisation(plan.organisation, rng.fork('organisation'), people);
  const initialPassword = strongRandomPassword();
  const accounts = buildAccounts(organisation, { ...plan.accounts, passwordHash: await hashPassword(initialPassword) }, rng.fork('accounts'), people);
  options.log(`generated in ${seconds(started)} s`);

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const tables: CitySeedResult['tables'] = [];
  try {
    await assertSeedTablesEmpty(dataSource, runner);
    for (const step of seedSteps(organisation, accounts, rng.fork('houses'))) {
      const stepStarted = Date.now();
      await runner.startTransaction();
      try {
        const rows = await writeStep(dataSource, runner, step);
        await runner.commitTransaction();
        tables.push({ table: step.table, rows, seconds: Number(seconds(stepStarted)) });
        options.log(`${step.table.padEnd(20)} ${rows.toLocaleString('en-US').padStart(10)} rows  ${seconds(stepStarted).padStart(6)} s`);
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    }
    // the list's name searches (chapter 5) read the n-gram index of the names just written
    const indexStarted = Date.now();
    await runner.startTransaction();
    try {
      const texts = await indexSeededNames(dataSource, runner.manager, organisation);
      await runner.commitTransaction();
      tables.push({ table: 'text_search_entries', rows: texts, seconds: Number(seconds(indexStarted)) });
      options.log(`${'text_search_entries'.padEnd(20)} ${texts.toLocaleString('en-US').padStart(10)} rows  ${seconds(indexStarted).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    // chapter 5 设施设备 (≈500,000) and their maintenance records, one transaction
    await runner.startTransaction();
    try {
      const facilities = await seedFacilities(dataSource, runner.manager, organisation, rng.fork('houses'), rng.fork('facilities'), { plan: CITY_FACILITY_PLAN });
      await runner.commitTransaction();
      tables.push({ table: 'facilities', rows: facilities.facilities + facilities.records, seconds: facilities.seconds });
      options.log(`${'facilities'.padEnd(20)} ${facilities.facilities.toLocaleString('en-US').padStart(10)} rows + ${facilities.records.toLocaleString('en-US')} maintenance records  ${facilities.seconds.toFixed(1).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    // chapter 11 共有资金: accounts and ~12 months of transactions of every area that has one, escalation cases, one transaction
    await runner.startTransaction();
    try {
      const started = Date.now();
      const funds = await seedCommonFunds(dataSource, runner.manager, rng.fork('common-funds'), { plan: CITY_COMMON_FUND_PLAN, districtIds: null });
      await runner.commitTransaction();
      tables.push({ table: 'common_fund_accounts', rows: funds.accounts + funds.transactions + funds.cases, seconds: Number(seconds(started)) });
      options.log(`${'common_fund_accounts'.padEnd(20)} ${funds.accounts.toLocaleString('en-US').padStart(10)} rows + ${funds.transactions.toLocaleString('en-US')} transactions + ${funds.cases.toLocaleString('en-US')} cases  ${seconds(started).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    // chapter 13 车位信息: every district's filings and dispute reports, one transaction
    await runner.startTransaction();
    try {
      const parking = await seedParking(dataSource, runner.manager, rng.fork('parking'), { districtIds: null });
      await runner.commitTransaction();
      tables.push({ table: 'parking_filings', rows: parking.filings + parking.reports, seconds: parking.seconds });
      options.log(`${'parking_filings'.padEnd(20)} ${parking.filings.toLocaleString('en-US').padStart(10)} rows + ${parking.reports.toLocaleString('en-US')} dispute reports  ${parking.seconds.toFixed(1).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    // chapter 12 从业人员 (≈400,000), their certificates and the rosters' filings, one transaction
    await runner.startTransaction();
    try {
      const staff = await seedPractitioners(dataSource, runner.manager, rng.fork('practitioners'), { plan: CITY_PRACTITIONER_PLAN, districtIds: null });
      await runner.commitTransaction();
      tables.push({ table: 'practitioners', rows: staff.practitioners + staff.certificates + staff.rosters, seconds: staff.seconds });
      options.log(`${'practitioners'.padEnd(20)} ${staff.practitioners.toLocaleString('en-US').padStart(10)} rows + ${staff.certificates.toLocaleString('en-US')} certificates + ${staff.rosters.toLocaleString('en-US')} rosters  ${staff.seconds.toFixed(1).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    // chapter 22 纠纷化解台账: 200,000 cases over three years with their 历程 (≈1,000,000 workflow actions), one transaction
    await runner.startTransaction();
    try {
      const disputes = await seedDisputes(dataSource, runner.manager, rng.fork('disputes'), { plan: cityDisputePlan((options.size ?? CITY_SIZE).propertyAreas), districtIds: null });
      await runner.commitTransaction();
      tables.push({ table: 'dispute_cases', rows: disputes.cases + disputes.actions, seconds: disputes.seconds });
      options.log(`${'dispute_cases'.padEnd(20)} ${disputes.cases.toLocaleString('en-US').padStart(10)} rows + ${disputes.actions.toLocaleString('en-US')} workflow actions  ${disputes.seconds.toFixed(1).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    // chapters 9 and 10: ≈500,000 owners bound, 12 months of evaluations (≈3,000,000), 1,500 votes with ballots and results, one transaction
    await runner.startTransaction();
    try {
      const owners = await seedOwnerCity(dataSource, runner.manager, rng.fork('owners'), { log: (line) => options.log(`  ${line}`) });
      await runner.commitTransaction();
      tables.push({ table: 'owner_evaluations', rows: owners.identities + owners.bindings + owners.evaluations + owners.answers, seconds: owners.evaluationSeconds });
      tables.push({ table: 'owner_votes', rows: owners.votes + owners.topics + owners.ballots, seconds: owners.voteSeconds });
      options.log(`${'owner_evaluations'.padEnd(20)} ${owners.evaluations.toLocaleString('en-US').padStart(10)} rows + ${owners.answers.toLocaleString('en-US')} answers, ${owners.identities.toLocaleString('en-US')} owners  ${owners.evaluationSeconds.toFixed(1).padStart(6)} s`);
      options.log(`${'owner_votes'.padEnd(20)} ${owners.votes.toLocaleString('en-US').padStart(10)} rows + ${owners.topics.toLocaleString('en-US')} topics + ${owners.ballots.toLocaleString('en-US')} ballots  ${owners.voteSeconds.toFixed(1).padStart(6)} s`);
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
  const total = Number(seconds(started));
  options.log(`total ${total} s`);
  return { tables, seconds: total, initialPassword };
}

/**
 * The house counts of the city's largest estates at 1,000,000 houses (an estate can hold 5,000
 * houses), scaled with the city; the long tail of the house-count distribution.
 */
const LARGE_ESTATES = [5_000, 4_400, 3_800, 3_200, 2_700, 2_300, 2_000];

/**
 * Between 0.4 and 1.6 times the average, a handful of large estates (LARGE_ESTATES scaled with the
 * city, those still beyond the drawn range), then nudged to the exact total.
 */
function housesPerArea(size: CitySize): OrganisationPlan['houses'] {
  const average = size.houses / size.propertyAreas;
  const min = Math.max(1, Math.round(average * 0.4));
  const max = Math.max(min, Math.round(average * 1.6));
  // the tail may take at most a tenth of all houses, so the others keep most of theirs
  const estates = LARGE_ESTATES.map((n) => Math.round((n * size.houses) / CITY_SIZE.houses)).filter((n) => n > 2 * max);
  const tail = estates.filter((_, i) => estates.slice(0, i + 1).reduce((a, b) => a + b, 0) <= size.houses / 10);
  return { min, max, total: size.houses, ...(tail.length ? { estates: tail } : {}) };
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/** 12 characters from all four classes, so it passes the password policy. */
function strongRandomPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%&*!?'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
