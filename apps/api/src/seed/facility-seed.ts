import { MaintenanceCycle, MaintenanceKind } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { Facility } from '../modules/property-areas/facilities/entities/facility.entity';
import { FacilityMaintenanceRecord } from '../modules/property-areas/facilities/entities/facility-maintenance-record.entity';
import { addDays } from '../modules/property-areas/facilities/facility-due';
import { ensureDefaultFacilityTypes, loadCatalogue } from '../modules/property-areas/facilities/facility-type-catalogue';
import { BulkInserter } from './bulk-insert';
import { IdentityFactory } from './names';
import { Organisation, pad, shanghaiDay } from './organisation';
import { layoutOf } from './property-area-seed';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';

export type FacilityRow = Omit<Facility, 'createdAt' | 'updatedAt' | 'deletedAt'>;
export type MaintenanceRow = Omit<FacilityMaintenanceRecord, 'id' | 'createdAt'>;

/** How many facilities an area gets: 20 + 180 × u^skew (skew 1: uniform 20–200, about 110 on average; 4.5: about 53). */
export interface FacilityPlan {
  skew: number;
  /** share of lifts with 1–3 maintenance records */
  liftsWithRecords: number;
}

export const DEMO_FACILITY_PLAN: FacilityPlan = { skew: 1, liftsWithRecords: 0.4 };
/** ≈ 500,000 facilities over 10,000 areas */
export const CITY_FACILITY_PLAN: FacilityPlan = { skew: 4.5, liftsWithRecords: 0.1 };

const LIFT_BRANDS = ['日立', '三菱', '奥的斯', '通力', '迅达', '蒂森克虏伯', '富士达', '广日', '快意'];
const LIFT_COMPANIES = ['深圳市粤华电梯工程有限公司', '深圳市永安电梯工程有限公司', '广州广日电梯工业有限公司深圳分公司', '日立电梯（中国）有限公司深圳分公司', '通力电梯有限公司深圳分公司'];
const INSPECTORS = ['深圳市特种设备安全检验研究院', '广东省特种设备检测研究院深圳检测院'];
const FIRE_COMPANIES = ['深圳市安消消防工程有限公司', '深圳市鹏安消防技术服务有限公司', '深圳市中消安全科技有限公司'];
const PLACES = ['地下车库', '首层大堂', '消防控制室', '配电房', '水泵房', '小区北门', '小区南门', '中心花园', '垃圾站旁', '屋面'];

/** The other facility kinds an area has, by type code: the base name, whether per building, the quantity range, value range (元). */
const KINDS: ReadonlyArray<{ code: string; name: string; perBuilding: boolean; quantity: [number, number]; value: [number, number]; cycle: MaintenanceCycle; company?: readonly string[] }> = [
  { code: 'FIRE_EXTINGUISHER', name: '灭火器组', perBuilding: true, quantity: [8, 40], value: [800, 6000], cycle: MaintenanceCycle.MONTH, company: FIRE_COMPANIES },
  { code: 'FIRE_HYDRANT', name: '室内消火栓', perBuilding: true, quantity: [4, 30], value: [5000, 40000], cycle: MaintenanceCycle.MONTH, company: FIRE_COMPANIES },
  { code: 'FIRE_EMERGENCY_LIGHTING', name: '应急照明及疏散指示', perBuilding: true, quantity: [10, 80], value: [3000, 20000], cycle: MaintenanceCycle.QUARTER, company: FIRE_COMPANIES },
  { code: 'FIRE_ALARM', name: '火灾自动报警系统', perBuilding: false, quantity: [1, 1], value: [80000, 400000], cycle: MaintenanceCycle.MONTH, company: FIRE_COMPANIES },
  { code: 'FIRE_SPRINKLER', name: '自动喷水灭火系统', perBuilding: false, quantity: [1, 1], value: [100000, 500000], cycle: MaintenanceCycle.QUARTER, company: FIRE_COMPANIES },
  { code: 'FIRE_SMOKE_CONTROL', name: '防排烟风机', perBuilding: false, quantity: [2, 12], value: [20000, 120000], cycle: MaintenanceCycle.QUARTER, company: FIRE_COMPANIES },
  { code: 'SECURITY_CCTV', name: '视频监控点位', perBuilding: true, quantity: [4, 24], value: [4000, 30000], cycle: MaintenanceCycle.QUARTER },
  { code: 'SECURITY_ACCESS', name: '单元门禁', perBuilding: true, quantity: [1, 3], value: [3000, 12000], cycle: MaintenanceCycle.QUARTER },
  { code: 'SECURITY_BARRIER', name: '车辆道闸', perBuilding: false, quantity: [1, 4], value: [8000, 30000], cycle: MaintenanceCycle.QUARTER },
  { code: 'SECURITY_PERIMETER', name: '周界红外报警', perBuilding: false, quantity: [1, 1], value: [20000, 80000], cycle: MaintenanceCycle.HALF_YEAR },
  { code: 'POWER_TRANSFORMER', name: '变压器', perBuilding: false, quantity: [1, 3], value: [150000, 600000], cycle: MaintenanceCycle.HALF_YEAR },
  { code: 'POWER_SWITCHGEAR', name: '高低压配电柜', perBuilding: false, quantity: [4, 20], value: [80000, 300000], cycle: MaintenanceCycle.HALF_YEAR },
  { code: 'POWER_GENERATOR', name: '柴油发电机', perBuilding: false, quantity: [1, 2], value: [200000, 800000], cycle: MaintenanceCycle.MONTH },
  { code: 'WATER_TANK', name: '二次供水水箱', perBuilding: false, quantity: [1, 4], value: [30000, 150000], cycle: MaintenanceCycle.HALF_YEAR },
  { code: 'WATER_PUMP', name: '生活水泵', perBuilding: false, quantity: [2, 6], value: [20000, 90000], cycle: MaintenanceCycle.QUARTER },
  { code: 'WATER_SEWAGE_PUMP', name: '排污泵', perBuilding: false, quantity: [2, 8], value: [5000, 30000], cycle: MaintenanceCycle.QUARTER },
  { code: 'WATER_SEPTIC_TANK', name: '化粪池', perBuilding: false, quantity: [1, 3], value: [20000, 80000], cycle: MaintenanceCycle.HALF_YEAR },
  { code: 'CHARGING_CAR', name: '汽车充电桩', perBuilding: false, quantity: [4, 40], value: [30000, 300000], cycle: MaintenanceCycle.QUARTER },
  { code: 'CHARGING_EBIKE', name: '电动自行车充电棚', perBuilding: false, quantity: [1, 6], value: [5000, 40000], cycle: MaintenanceCycle.QUARTER },
  { code: 'LIGHTNING', name: '防雷接地装置', perBuilding: true, quantity: [1, 1], value: [5000, 20000], cycle: MaintenanceCycle.YEAR },
];

const money = (rng: SeededRandom, [min, max]: [number, number]) => Math.round(min + rng.next() * (max - min));
const dayIn = (rng: SeededRandom, year: number) => `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;

/**
 * The facilities of every area: lifts in the buildings of ten or more storeys (1–2 per unit, with a
 * 特种设备注册代码 unique city-wide and a 到期日期 within a year of `today` — about 8 % within 30 days,
 * a few overdue), then the other kinds (fire, security, power, water, charging, lightning) per
 * building or per area until the area's count is reached. Names are numbered within an area, so
 * name + place identifies a facility as the import expects.
 */
export function* facilityRows(
  org: Organisation,
  houseRng: SeededRandom,
  rng: SeededRandom,
  typeIds: ReadonlyMap<string, number>,
  plan: FacilityPlan,
  today: string,
): Generator<{ facility: FacilityRow; records: MaintenanceRow[] }> {
  let id = 0;
  let registerSeq = 0;
  const people = new IdentityFactory(rng.fork('people'));
  const type = (code: string) => {
    const found = typeIds.get(code);
    if (found === undefined) throw new Error(`facility seed: no facility type ${code}`);
    return found;
  };
  for (const area of org.areas) {
    const r = rng.fork(area.id);
    const layout = layoutOf(org, area, houseRng);
    const target = Math.round(20 + 180 * Math.pow(r.next(), plan.skew));
    const manager = people.personName();
    const rows: Array<{ facility: FacilityRow; records: MaintenanceRow[] }> = [];
    const base = (): Pick<FacilityRow, 'districtId' | 'streetId' | 'communityId' | 'propertyAreaId'> => ({ districtId: area.districtId, streetId: area.streetId, communityId: area.communityId, propertyAreaId: area.id });
    // lifts: at most half the area's facilities
    for (const building of layout.buildings) {
      if (building.row.totalFloors < 10) continue;
      for (let unit = 1; unit <= building.units; unit++) {
        const perUnit = building.row.totalFloors >= 18 ? 2 : 1;
        for (let n = 1; n <= perUnit && rows.length < target / 2; n++) {
          const freight = n === 2 && building.row.totalFloors >= 25;
          const year = Math.min(Number(today.slice(0, 4)), layout.builtYear + r.int(0, 1));
          const odds = r.next();
          const dueIn = odds < 0.02 ? -r.int(1, 20) : r.int(0, 364);
          const original = money(r, [250_000, 600_000]);
          const age = Number(today.slice(0, 4)) - year;
          const facility: FacilityRow = {
            id: ++id,
            ...base(),
            facilityTypeId: type(freight ? 'LIFT_FREIGHT' : 'LIFT_PASSENGER'),
            name: `${building.row.name}${unit}单元${n}号${freight ? '货梯' : '客梯'}`,
            buildingId: building.row.id,
            unitName: `${unit}单元`,
            position: '电梯厅',
            brand: r.pick(LIFT_BRANDS),
            company: r.pick(LIFT_COMPANIES),
            quantity: 1,
            registerNumber: `31104403${pad(area.districtId, 2)}${year}${pad(++registerSeq, 6)}`,
            serialNumber: `E${year}${pad(r.int(1, 999_999), 6)}`,
            commissionedAt: dayIn(r, year),
            dueDate: addDays(today, dueIn),
            maintenanceCycle: MaintenanceCycle.HALF_MONTH,
            personLiable: manager,
            originalValue: original,
            currentValue: Math.max(0, Math.round(original * Math.max(0.05, 1 - age / 15))),
            annualInspector: r.pick(INSPECTORS),
            annualCost: money(r, [400, 900]),
            enabled: true,
            remarks: null,
          };
          rows.push({ facility, records: r.chance(plan.liftsWithRecords) ? liftRecords(facility, r, today) : [] });
        }
      }
    }
    // the other kinds, round and round, per building or per area, until the area has its count
    const counters = new Map<string, number>();
    for (let round = 0; rows.length < target && round < 50; round++) {
      for (const kind of KINDS) {
        if (rows.length >= target) break;
        const places = kind.perBuilding ? layout.buildings.map((b) => b.row) : [null];
        const building = places[round % places.length];
        if (!kind.perBuilding && round > 0 && !r.chance(0.5)) continue;
        if (kind.perBuilding && round >= places.length && !r.chance(0.3)) continue;
        const k = (counters.get(kind.code) ?? 0) + 1;
        counters.set(kind.code, k);
        const original = money(r, kind.value);
        rows.push({
          facility: {
            id: ++id,
            ...base(),
            facilityTypeId: type(kind.code),
            name: `${kind.name}${pad(k, 2)}`,
            buildingId: building?.id ?? null,
            unitName: null,
            position: building ? `${building.name}${r.pick(['首层', '地下一层', '楼梯间', '屋面'])}` : r.pick(PLACES),
            brand: null,
            company: kind.company ? r.pick(kind.company) : null,
            quantity: r.int(kind.quantity[0], kind.quantity[1]),
            registerNumber: null,
            serialNumber: null,
            commissionedAt: dayIn(r, Math.min(Number(today.slice(0, 4)), layout.builtYear + r.int(0, 8))),
            dueDate: null,
            maintenanceCycle: kind.cycle,
            personLiable: manager,
            originalValue: original,
            currentValue: Math.round(original * (0.2 + r.next() * 0.6)),
            annualInspector: null,
            annualCost: null,
            enabled: !r.chance(0.03),
            remarks: null,
          },
          records: [],
        });
      }
    }
    yield* rows;
  }
}

/** 1–3 half-monthly services in the last weeks, and for some lifts the last 年检. */
function liftRecords(f: FacilityRow, r: SeededRandom, today: string): MaintenanceRow[] {
  const records: MaintenanceRow[] = [];
  const services = r.int(1, 3);
  for (let i = 0; i < services; i++) {
    records.push({
      facilityId: f.id,
      districtId: f.districtId,
      streetId: f.streetId,
      propertyAreaId: f.propertyAreaId,
      maintainedOn: addDays(today, -(i * 15 + r.int(1, 14))),
      kind: MaintenanceKind.MAINTENANCE,
      content: '半月保养：机房、轿厢、井道、底坑检查，曳引机、制动器、门系统清洁润滑',
      situation: r.chance(0.9) ? '运行正常' : '更换层门门锁触点一组，运行正常',
      unit: f.company,
      person: null,
      cost: null,
      nextDueDate: null,
      createdById: null,
      createdByName: '种子数据',
    });
  }
  if (f.dueDate && r.chance(0.5)) {
    records.push({
      facilityId: f.id,
      districtId: f.districtId,
      streetId: f.streetId,
      propertyAreaId: f.propertyAreaId,
      maintainedOn: addDays(f.dueDate, -365),
      kind: MaintenanceKind.ANNUAL_INSPECTION,
      content: '定期检验（年检）',
      situation: '检验合格，准用证有效期一年',
      unit: f.annualInspector,
      person: null,
      cost: f.annualCost,
      nextDueDate: f.dueDate,
      createdById: null,
      createdByName: '种子数据',
    });
  }
  return records;
}

export interface FacilitySeedResult {
  facilities: number;
  records: number;
  seconds: number;
}

/**
 * Writes the facility-type defaults (when the catalogue is empty) and every area's facilities and
 * maintenance records by multi-row INSERTs, into empty facility tables. `today` anchors the 到期日期
 * (default: the Shanghai day of the run, so that 到期提醒 always has something to show).
 */
export async function seedFacilities(
  dataSource: DataSource,
  manager: EntityManager,
  org: Organisation,
  houseRng: SeededRandom,
  rng: SeededRandom,
  options: { plan: FacilityPlan; today?: string },
): Promise<FacilitySeedResult> {
  const started = Date.now();
  const holding = await nonEmptyTables(dataSource, manager, ['facilities', 'facility_maintenance_records']);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  await ensureDefaultFacilityTypes(manager);
  const catalogue = await loadCatalogue(manager);
  const typeIds = new Map(catalogue.rows.map((t) => [t.code, t.id]));
  const today = options.today ?? shanghaiDay(new Date());
  const records: MaintenanceRow[] = [];
  const inserter = new BulkInserter(dataSource, manager);
  const facilities = await inserter.insert(
    Facility,
    (function* () {
      for (const { facility, records: own } of facilityRows(org, houseRng, rng, typeIds, options.plan, today)) {
        records.push(...own);
        yield facility;
      }
    })(),
  );
  const written = await inserter.insert(FacilityMaintenanceRecord, records);
  return { facilities, records: written, seconds: (Date.now() - started) / 1000 };
}


