import { ParkingDisputeType } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../common/sql/insert-rows';
import { ParkingDisputeReport } from '../modules/parking/entities/parking-dispute-report.entity';
import { ParkingFiling } from '../modules/parking/entities/parking-filing.entity';
import { SEED_REFERENCE_DATE } from './organisation';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';

export type ParkingFilingRow = Omit<ParkingFiling, 'filedAt'> & { filedAt: Date };
export type ParkingReportRow = ParkingDisputeReport;

/** What the seed reads of an area. */
export interface ParkingSeedArea {
  id: number;
  districtId: number;
  streetId: number;
  communityId: number;
  households: number;
  /** 交付年份 (the profile's handover date), null when unknown */
  handoverYear: number | null;
}

/**
 * Domain notes 13d: filed 60–85 % (drawn per district); 5–10 % of the areas report a dispute, types
 * weighted; a quarter of the filed areas filed before (one superseded filing each).
 */
export interface ParkingSeedPlan {
  filedShare: [number, number];
  disputeShare: [number, number];
  refiledShare: number;
}

export const PARKING_SEED_PLAN: ParkingSeedPlan = { filedShare: [0.6, 0.85], disputeShare: [0.05, 0.1], refiledShare: 0.25 };

/** 产权车位被占 25 %, 停车费定价 20 %, 人防/归属 15 %, 共有场地收益 15 %, 无产权被出售 10 %, 锁车 10 %, 被盗损坏 5 %; the two Shenzhen cases rarely. */
const DISPUTE_WEIGHTS: ReadonlyArray<[ParkingDisputeType, number]> = [
  [ParkingDisputeType.OWNED_SPACE_OCCUPIED, 25],
  [ParkingDisputeType.FEE_PRICING, 20],
  [ParkingDisputeType.OWNERSHIP, 15],
  [ParkingDisputeType.COMMON_SITE_INCOME, 15],
  [ParkingDisputeType.UNTITLED_SOLD, 10],
  [ParkingDisputeType.ARREARS_LOCK, 10],
  [ParkingDisputeType.THEFT_DAMAGE, 5],
  [ParkingDisputeType.PUBLIC_QUOTA, 3],
  [ParkingDisputeType.GIFTED_SPACE, 2],
];

const DISPUTE_NOTES: Record<ParkingDisputeType, string> = {
  [ParkingDisputeType.OWNERSHIP]: '业主对人防车位的使用权归属有异议，已组织开发商、物业与业主代表协商',
  [ParkingDisputeType.OWNED_SPACE_OCCUPIED]: '产权车位被外来车辆占用，业主投诉后物业已加装车位锁并张贴告示',
  [ParkingDisputeType.FEE_PRICING]: '物业拟调整月租停车费，部分业主认为未经业主大会表决',
  [ParkingDisputeType.ARREARS_LOCK]: '业主拖欠停车费被物业锁车，双方经社区调解达成分期缴费',
  [ParkingDisputeType.THEFT_DAMAGE]: '车辆在地下车库被刮擦，业主要求物业承担赔偿责任',
  [ParkingDisputeType.COMMON_SITE_INCOME]: '占用业主共有道路设置的车位收益未公开，业委会要求公示',
  [ParkingDisputeType.UNTITLED_SOLD]: '开发商出售无产权证的车位，业主要求退还车位款',
  [ParkingDisputeType.PUBLIC_QUOTA]: '对外公用车位配额过多，业主要求优先摇号分配',
  [ParkingDisputeType.GIFTED_SPACE]: '开发商“赠送”的专用车位与公共车位界限不清，业主之间发生争执',
};

const FILER_NAMES = ['项目负责人', '物业服务中心'];

const between = (rng: SeededRandom, [min, max]: [number, number]) => min + rng.next() * (max - min);
const share = (rng: SeededRandom, n: number, [min, max]: [number, number]) => Math.round(n * between(rng, [min, max]));

/** 车位配比 by handover year (domain notes 13d): before 2000 0.2–0.5, 2000–2010 0.5–0.9, after 2010 0.8–1.3. */
export function ratioRange(handoverYear: number | null): [number, number] {
  const year = handoverYear ?? 2008;
  if (year < 2000) return [0.2, 0.5];
  if (year <= 2010) return [0.5, 0.9];
  return [0.8, 1.3];
}

/** One filing's counts for an area: the sums the API checks hold by construction. */
export function parkingCountsOf(area: ParkingSeedArea, rng: SeededRandom): Omit<ParkingFilingRow, 'id' | 'districtId' | 'streetId' | 'communityId' | 'propertyAreaId' | 'currentAreaId' | 'filedById' | 'filedByName' | 'supersededAt' | 'filedAt'> {
  const year = area.handoverYear ?? 2008;
  const total = Math.max(8, Math.round(Math.max(1, area.households) * between(rng, ratioRange(area.handoverYear))));
  const mechanical = rng.chance(0.15) ? share(rng, total, [0.05, 0.15]) : 0;
  const underground = Math.min(total - mechanical, share(rng, total, year < 2000 ? [0, 0.4] : [0.7, 0.95]));
  const surface = total - mechanical - underground;
  // 人防: 10–30 % of the underground spaces of post-2000 estates
  const civilDefence = year >= 2000 ? share(rng, underground, [0.1, 0.3]) : 0;
  // 共有: surface spaces on the owners' common roads and land
  const common = share(rng, surface, [0.5, 1]);
  const rest = total - civilDefence - common;
  const soldOwned = share(rng, rest, year < 2000 ? [0.1, 0.5] : [0.3, 0.8]);
  const developerHeld = share(rng, rest - soldOwned, [0.1, 0.5]);
  const rented = share(rng, rest - soldOwned - developerHeld, [0.3, 0.9]);
  const publicOpen = rng.chance(0.3) ? share(rng, total, [0.05, 0.3]) : 0;
  const temporary = share(rng, total, [0.02, 0.1]);
  const evCharging = share(rng, total, year > 2010 ? [0.1, 0.3] : year >= 2000 ? [0.03, 0.15] : [0, 0.05]);
  const chargingPosts = share(rng, evCharging, [0.6, 1]);
  const accessible = share(rng, total, [0.01, 0.03]);
  const monthlyFee = rng.chance(0.05) ? null : 250 + 10 * rng.int(0, 55);
  const hourlyFee = rng.chance(0.1) ? null : rng.int(5, 15);
  return {
    total,
    surface,
    underground,
    mechanical,
    soldOwned,
    developerHeld,
    rented,
    civilDefence,
    common,
    publicOpen,
    temporary,
    evCharging,
    chargingPosts,
    accessible,
    monthlyFee,
    hourlyFee,
    remarks: null,
  };
}

/**
 * The filings and dispute reports of the given areas: per district, 60–85 % of its areas filed
 * (exactly that share of them, sample()), a quarter of those with an earlier filing superseded by
 * the current one, and 5–10 % of the district's areas (all of them filed) reporting one or two
 * dispute types with 1–6 cases each. Ids are assigned in order from 1.
 */
export function parkingSeedRows(areas: readonly ParkingSeedArea[], rng: SeededRandom, plan: ParkingSeedPlan = PARKING_SEED_PLAN): { filings: ParkingFilingRow[]; reports: ParkingReportRow[] } {
  const filings: ParkingFilingRow[] = [];
  const reports: ParkingReportRow[] = [];
  const byDistrict = new Map<number, ParkingSeedArea[]>();
  for (const area of areas) byDistrict.set(area.districtId, [...(byDistrict.get(area.districtId) ?? []), area]);
  const start = new Date('2025-01-01T00:00:00+08:00');
  for (const [districtId, own] of [...byDistrict.entries()].sort((a, b) => a[0] - b[0])) {
    const districtRng = rng.fork(districtId);
    const filed = districtRng.sample(own, between(districtRng, plan.filedShare)).sort((a, b) => a.id - b.id);
    const disputed = new Set(districtRng.sample(filed, Math.min(1, (own.length * between(districtRng, plan.disputeShare)) / Math.max(1, filed.length))).map((a) => a.id));
    for (const area of filed) {
      const areaRng = rng.fork(`area-${area.id}`);
      const filedAt = areaRng.dateBetween(new Date(start.getTime() + 180 * 86_400_000), SEED_REFERENCE_DATE);
      const base = { districtId: area.districtId, streetId: area.streetId, communityId: area.communityId, propertyAreaId: area.id, filedById: null, filedByName: areaRng.pick(FILER_NAMES), remarks: null };
      if (areaRng.chance(plan.refiledShare)) {
        const earlier = areaRng.dateBetween(start, new Date(filedAt.getTime() - 30 * 86_400_000));
        filings.push({ id: filings.length + 1, ...base, ...parkingCountsOf(area, areaRng.fork('earlier')), currentAreaId: null, supersededAt: filedAt, filedAt: earlier });
      }
      const current: ParkingFilingRow = { id: filings.length + 1, ...base, ...parkingCountsOf(area, areaRng), currentAreaId: area.id, supersededAt: null, filedAt };
      filings.push(current);
      if (!disputed.has(area.id)) continue;
      const types = new Set<ParkingDisputeType>();
      const wanted = areaRng.chance(0.3) ? 2 : 1;
      while (types.size < wanted) types.add(areaRng.weighted(DISPUTE_WEIGHTS.map(([t]) => t), DISPUTE_WEIGHTS.map(([, w]) => w)));
      for (const type of types) {
        reports.push({ id: reports.length + 1, filingId: current.id, districtId: area.districtId, streetId: area.streetId, propertyAreaId: area.id, disputeType: type, caseCount: areaRng.int(1, 6), note: DISPUTE_NOTES[type] });
      }
    }
  }
  return { filings, reports };
}

/**
 * Writes the parking filings and dispute reports of the areas of the given districts (null: every
 * district) into empty parking tables, from the areas and profiles already written.
 */
export async function seedParking(dataSource: DataSource, manager: EntityManager, rng: SeededRandom, options: { districtIds: number[] | null }): Promise<{ filings: number; reports: number; seconds: number }> {
  const started = Date.now();
  const holding = await nonEmptyTables(dataSource, manager, ['parking_filings', 'parking_dispute_reports']);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  const where = options.districtIds ? `WHERE a.districtId IN (${options.districtIds.map(() => '?').join(', ')})` : '';
  const raw = (await manager.query(
    `SELECT a.id, a.districtId, a.streetId, a.communityId, a.houseCount, pp.totalHouseholds, pp.handoverDate FROM property_areas a LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id ${where} ORDER BY a.id`,
    options.districtIds ?? [],
  )) as Array<Record<string, unknown>>;
  const areas: ParkingSeedArea[] = raw.map((r) => ({
    id: Number(r.id),
    districtId: Number(r.districtId),
    streetId: Number(r.streetId),
    communityId: Number(r.communityId),
    households: Number(r.totalHouseholds ?? r.houseCount ?? 0),
    handoverYear: r.handoverDate ? Number(String(r.handoverDate).slice(0, 4)) : null,
  }));
  const { filings, reports } = parkingSeedRows(areas, rng);
  await insertRows(manager, ParkingFiling, filings);
  await insertRows(manager, ParkingDisputeReport, reports);
  return { filings: filings.length, reports: reports.length, seconds: (Date.now() - started) / 1000 };
}
