import { EvaluationTarget } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { maskIdNumber } from '../common/http/masking';
import { DEFAULT_DISCONTENT_REASONS, DEFAULT_EVALUATION_ITEMS } from '../modules/owner-evaluations/evaluation-catalogue';
import { isLowStar, monthsBefore, overallStars, scoreHundredths, shanghaiMonth } from '../modules/owner-evaluations/evaluation-score';
import { DiscontentReasonEntity, EvaluationAreaMonth, EvaluationItemEntity, EvaluationReasonMonth, OwnerEvaluation, OwnerEvaluationAnswer } from '../modules/owner-evaluations/entities';
import { OwnerHouseBinding, OwnerIdentity } from '../modules/owners/entities';
import { ownerIdNumberHash } from '../modules/owners/id-number-hash';
import { Owner } from '../modules/regions/entities/owner.entity';
import { BulkInserter } from './bulk-insert';
import { IdentityFactory } from './names';
import { pad } from './organisation';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';
import { FUTIAN_ID } from './shenzhen';

/**
 * The local openids (DEV_WECHAT_OPENID_PATTERN) of the two demo owners: `POST /api/owner/session/dev
 * {openid}` signs in as them. The first owns two houses of a 福田 area of demo.manager with an owners'
 * committee (demo.committee's where it is one of them), the second one house of another of his areas.
 */
export const DEMO_OWNER_OPENIDS = ['dev-00000000-0000-4000-8000-000000000001', 'dev-00000000-0000-4000-8000-000000000002'] as const;

/** The seeded owner identities are numbered from 1 (the demo owners first), each with the dev openid of its number. */
export const seededOwnerOpenid = (identityId: number): string => `dev-00000000-0000-4000-8000-${pad(identityId, 12)}`;

/**
 * The key of the bindings' idNumberHash when the caller does not pass the app's OWNER_ID_HASH_SECRET
 * (the demo seed runs without the app's configuration). Nothing compares stored hashes yet: binding
 * hashes the registry row's ID number anew.
 */
export const SEED_ID_HASH_SECRET = 'szpm-demo-seed-owner-id-hash';

/**
 * Domain notes 9e, for the demo's areas of 40–160 houses (a real area has ~1,000 households): the
 * notes' 2–8 % monthly participation of a real area's households gives 20–80 records a month, so the
 * demo scales participation up to 10–16 % of an area's houses and at least `minMonthlyRecords`
 * expected a month, enough for an area to reach the ranking's minimum sample (10) in most months;
 * a tenth of the areas, among the smallest, take part little and stay below it.
 */
export interface OwnerEvaluationSeedPlan {
  months: number;
  /** of an area's houses, the share bound to an owner's identity */
  boundShare: [number, number];
  /** of the owners, those bound before the first month (the others bind during the year) */
  boundBeforeShare: number;
  /** of the new registry owners, those who own a second house of the area */
  secondHouseShare: number;
  /** property evaluations expected a month, as a share of the area's houses (drawn per area), and at least */
  participation: [number, number];
  minMonthlyRecords: number;
  /** of a district's areas, those (among its smallest third) whose owners take part little, and their share of houses a month */
  quietAreaShare: number;
  quietParticipation: [number, number];
  /** committee evaluations a month, as a share of the area's houses (drawn per area with a committee), and at least 0.8 × minMonthlyRecords outside the quiet areas */
  committeeParticipation: [number, number];
  /** each item's stars, 1★ to 5★ */
  starShares: readonly [number, number, number, number, number];
  /** of the low-star records, those with a 其他 text */
  otherShare: number;
  commentShare: number;
  anonymousShare: number;
  /** replied records, drawn per replying account (the project manager's, else the company's; the committee's) */
  replyShare: [number, number];
}

export const DEMO_OWNER_EVALUATION_PLAN: OwnerEvaluationSeedPlan = {
  months: 12,
  boundShare: [0.45, 0.7],
  boundBeforeShare: 0.8,
  secondHouseShare: 0.05,
  participation: [0.1, 0.16],
  minMonthlyRecords: 14,
  quietAreaShare: 0.1,
  quietParticipation: [0.03, 0.08],
  committeeParticipation: [0.06, 0.12],
  starShares: [0.12, 0.05, 0.1, 0.18, 0.55],
  otherShare: 0.4,
  commentShare: 0.2,
  anonymousShare: 0.08,
  replyShare: [0.4, 0.75],
};

/** What the seed reads of an area. */
export interface EvaluationSeedArea {
  id: number;
  districtId: number;
  streetId: number;
  communityId: number;
  companyId: number | null;
  projectManagerId: number | null;
  ownersCommitteeId: number | null;
  /** the committee's current term (YYYY-MM-DD): it is evaluated from that month on */
  committeeTermStart: string | null;
}

export interface EvaluationSeedHouse {
  id: number;
  propertyAreaId: number;
  usage: string;
}

/** A registry owner row (owners) already written, of a house. */
export interface EvaluationSeedOwner {
  id: number;
  name: string;
  idNumber: string;
  phone: string;
  houseId: number;
}

export interface EvaluationSeedInput {
  areas: readonly EvaluationSeedArea[];
  houses: readonly EvaluationSeedHouse[];
  owners: readonly EvaluationSeedOwner[];
  /** the id of the first new owners row */
  nextOwnerId: number;
  /** phones and ID numbers of the registry, which new owners do not reuse */
  takenPhones: ReadonlySet<string>;
  takenIdNumbers: ReadonlySet<string>;
  items: ReadonlyArray<Pick<EvaluationItemEntity, 'id' | 'target' | 'name' | 'weight'>>;
  reasons: ReadonlyArray<Pick<DiscontentReasonEntity, 'id' | 'target' | 'name'>>;
  /** the active accounts that reply for a unit: project managers, companies, committees (unit id → account id) */
  accounts: { projectManagers: ReadonlyMap<number, number>; companies: ReadonlyMap<number, number>; committees: ReadonlyMap<number, number> };
  /** the project manager and committee of the demo logins demo.manager and demo.committee, when they exist */
  demoManagerId: number | null;
  demoCommitteeId: number | null;
}

export type NewOwnerRow = Omit<Owner, 'createdAt'>;
export type IdentityRow = OwnerIdentity;
export type BindingRow = OwnerHouseBinding;
export type AreaMonthRow = Omit<EvaluationAreaMonth, 'id'>;
export type ReasonMonthRow = Omit<EvaluationReasonMonth, 'id'>;

export interface OwnerEvaluationSeedRows {
  owners: NewOwnerRow[];
  identities: IdentityRow[];
  bindings: BindingRow[];
  evaluations: OwnerEvaluation[];
  answers: OwnerEvaluationAnswer[];
  areaMonths: AreaMonthRow[];
  reasonMonths: ReasonMonthRow[];
}

/** The reasons an owner would pick for a low star of an item of the default catalogue (names; an item not listed takes any reason of its target). */
const ITEM_REASONS: Record<string, readonly string[]> = {
  客户服务: ['服务态度差', '报修响应慢', '问题长期未解决'],
  '秩序维护(安全)': ['安保管理松散', '问题长期未解决'],
  环境卫生: ['卫生清洁不到位', '问题长期未解决'],
  绿化养护: ['卫生清洁不到位', '问题长期未解决'],
  设施设备维护: ['设施损坏未修复', '报修响应慢', '问题长期未解决'],
  公共收益与信息公开: ['收费或公共收益不透明', '问题长期未解决'],
  履职尽责: ['不履行职责', '不听取业主意见'],
  信息公开: ['信息不公开'],
  财务与共有资金管理: ['账目不透明', '信息不公开'],
  联系业主: ['不听取业主意见'],
  依规议事: ['议事程序不规范', '不听取业主意见'],
};

/** 其他: what owners write beside the catalogue's reasons, per item. */
const OTHER_TEXTS: Record<string, readonly string[]> = {
  客户服务: ['前台电话经常无人接听', '管家微信群里提问很久才有人回复', '投诉之后没有任何回访', '办理装修手续来回跑了好几趟'],
  '秩序维护(安全)': ['外来人员和外卖电动车随意进出小区', '夜间很少看到保安巡逻', '地库经常有车辆占用消防通道', '快递柜附近经常丢件，监控看不清'],
  环境卫生: ['垃圾桶满了没有及时清运，气味很大', '楼道很久没有拖过，扶手上都是灰', '地下车库有积水，蚊虫很多', '宠物粪便没人清理'],
  绿化养护: ['草坪被踩秃了一直没有补种', '树木挡住低层住户采光，反映多次没有修剪', '园区打药没有提前通知', '中心花园的喷泉常年不开'],
  设施设备维护: ['电梯一个月内困人两次', '单元门禁坏了半个月没人修', '地下车库照明坏了很多盏', '高峰期水压不够，楼上经常停水', '充电桩坏了很久没有维修'],
  公共收益与信息公开: ['电梯广告和停车收入从来没有公示', '物业费上涨没有说明依据', '公共收益的账目只有总数没有明细', '维修资金使用情况查不到'],
  履职尽责: ['业委会成立后很少开会', '对物业的问题不闻不问', '委员经常不参加会议'],
  信息公开: ['会议纪要从来不公示', '续聘物业的决定没有提前公示', '业委会的公告栏长期不更新'],
  财务与共有资金管理: ['共有资金支出没有公布明细', '维修资金使用没有征求业主意见', '业委会经费怎么花的不清楚'],
  联系业主: ['找不到委员的联系方式', '意见箱从来没人打开', '业主提的建议石沉大海'],
  依规议事: ['表决票没有逐户送达', '投票结果没有公布计票过程', '开会不提前通知业主'],
};
const GENERIC_OTHER_TEXTS = ['反映的问题一直没有解决', '希望能认真对待业主的意见'];

const COMMENTS: Record<EvaluationTarget, { good: readonly string[]; poor: readonly string[] }> = {
  [EvaluationTarget.PROPERTY]: {
    good: ['物业服务很贴心，保安大哥很负责', '小区环境越来越好了，给保洁阿姨点赞', '报修当天就有师傅上门，很满意', '管家服务热情，有问必答', '节日活动办得很用心，谢谢物业', '整体不错，希望继续保持'],
    poor: ['希望物业多听听业主的意见', '问题反映了好几次都没有解决，很失望', '物业费年年交，服务却越来越差', '希望尽快整改，给业主一个交代', '总体还行，但有些细节需要改进'],
  },
  [EvaluationTarget.COMMITTEE]: {
    good: ['业委会委员很辛苦，感谢付出', '账目公开很及时，值得肯定', '业委会监督物业很到位'],
    poor: ['希望业委会多开业主座谈会', '业委会要真正代表业主的利益', '希望重大事项多征求业主意见'],
  },
};

const REPLIES: Record<EvaluationTarget, { good: readonly string[]; poor: readonly string[] }> = {
  [EvaluationTarget.PROPERTY]: {
    good: ['感谢您对我们工作的认可，我们会继续努力，为您提供更好的服务！', '谢谢您的好评，您的满意是我们最大的动力。', '感谢支持！如有任何需要，欢迎随时联系您的楼栋管家。'],
    poor: [
      '您好，您反映的{reason}问题我们已经收到，已安排{item}负责人跟进处理，处理结果会及时向您反馈，感谢您的监督。',
      '非常抱歉给您带来不便。针对{reason}，项目已安排专人整改，欢迎您到物业服务中心当面沟通。',
      '感谢您的宝贵意见！{item}方面的问题我们已列入本月整改清单，整改完成后将在小区公告栏公示。',
    ],
  },
  [EvaluationTarget.COMMITTEE]: {
    good: ['感谢您对业委会工作的支持，我们将继续依法履职、公开透明。', '谢谢您的肯定，欢迎继续监督业委会的工作。'],
    poor: ['感谢您的意见，业委会将在下次例会上讨论{item}方面的问题，并及时公示处理结果。', '您反映的{reason}问题已收悉，业委会将认真研究改进，欢迎您参加业主座谈会。'],
  },
};

const DAY = 86_400_000;
const between = (rng: SeededRandom, [min, max]: readonly [number, number]) => min + rng.next() * (max - min);
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);

/** Standard normal draws from one generator (Box–Muller, both draws of a pair used). */
function gaussian(rng: SeededRandom): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** The standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * An item's stars from its latent satisfaction (standard normal): the quantiles of the star shares,
 * so that every item's stars follow them over all records whatever the correlation.
 */
function starOf(latent: number, cumulative: readonly number[]): number {
  const u = normalCdf(latent);
  let star = 1;
  while (star < 5 && u >= cumulative[star - 1]) star++;
  return star;
}

/**
 * How strongly satisfaction hangs together: the area's service (its quality, and a month's
 * wobble of it), the owner's own leaning, the record; an item follows the record's satisfaction
 * closely. The weights' squares sum to 1, so each item's latent stays standard normal.
 */
const LATENT = { area: 0.35, areaMonth: 0.15, house: 0.5, item: 0.92 };
const LATENT_RECORD = Math.sqrt(1 - LATENT.area ** 2 - LATENT.areaMonth ** 2 - LATENT.house ** 2);
const LATENT_ITEM_NOISE = Math.sqrt(1 - LATENT.item ** 2);

/** Owners evaluate with different habits: some nearly every month, most now and then (the weights average about 1). */
const HABITS: ReadonlyArray<{ share: number; weight: number }> = [
  { share: 0.3, weight: 2.1 },
  { share: 0.4, weight: 0.75 },
  { share: 0.3, weight: 0.3 },
];

/** The quiet areas: of each district, `share` of its areas drawn among its smallest third (by houses). */
function quietAreas(areas: readonly EvaluationSeedArea[], housesOf: ReadonlyMap<number, readonly EvaluationSeedHouse[]>, rng: SeededRandom, share: number): Set<number> {
  const quiet = new Set<number>();
  for (const districtId of [...new Set(areas.map((a) => a.districtId))].sort((a, b) => a - b)) {
    const own = areas.filter((a) => a.districtId === districtId).sort((a, b) => (housesOf.get(a.id)?.length ?? 0) - (housesOf.get(b.id)?.length ?? 0) || a.id - b.id);
    const smallest = own.slice(0, Math.ceil(own.length / 3));
    for (const area of rng.shuffle(smallest).slice(0, Math.round(own.length * share))) quiet.add(area.id);
  }
  return quiet;
}

/**
 * The demo owners' areas: two 福田 areas of demo.manager (the first with a committee, demo.committee's
 * where that is one of them); without demo.manager, 福田 areas with a company. Null when 福田 has no
 * such area.
 */
export function demoOwnerAreas(areas: readonly EvaluationSeedArea[], demoManagerId: number | null, demoCommitteeId: number | null): [EvaluationSeedArea, EvaluationSeedArea] | null {
  const futian = areas.filter((a) => a.districtId === FUTIAN_ID);
  const managed = futian.filter((a) => demoManagerId !== null && a.projectManagerId === demoManagerId);
  const candidates = managed.length ? managed : futian.filter((a) => a.companyId !== null);
  if (!candidates.length) return null;
  const withCommittee =
    candidates.find((a) => demoCommitteeId !== null && a.ownersCommitteeId === demoCommitteeId) ??
    candidates.find((a) => a.ownersCommitteeId !== null) ??
    futian.find((a) => a.ownersCommitteeId === demoCommitteeId && demoCommitteeId !== null) ??
    futian.find((a) => a.ownersCommitteeId !== null) ??
    candidates[0];
  const second = candidates.find((a) => a.id !== withCommittee.id) ?? withCommittee;
  return [withCommittee, second];
}

interface Person {
  identityId: number;
  name: string;
  idNumber: string;
  phone: string;
  boundAt: Date;
}

interface BoundHouse {
  house: EvaluationSeedHouse;
  owner: Pick<NewOwnerRow, 'id' | 'name'>;
  person: Person;
  /** how often this owner evaluates, relative to the area's owners (HABITS) */
  habit: number;
  /** monthly chance of a property evaluation, before the month's factor */
  chance: number;
  committeeChance: number;
  leaning: number;
}

/**
 * The owners, bindings and twelve months of evaluations of the given areas, ending with the month
 * before `now` (the current month stays open for a demo owner). Every bound house has a registry
 * owner (an existing owners row of the house, else a new one) and an identity with a dev openid.
 * Stars, scores and the monthly sums are the module's own (evaluation-score, evaluationMonthSums).
 * Deterministic for a given rng, input and `now`.
 */
export function ownerEvaluationSeedRows(
  input: EvaluationSeedInput,
  rng: SeededRandom,
  plan: OwnerEvaluationSeedPlan,
  options: { now: Date; idHashSecret: string },
): OwnerEvaluationSeedRows {
  const { now } = options;
  const months = Array.from({ length: plan.months }, (_, i) => monthsBefore(shanghaiMonth(now), plan.months - i));
  const windowStart = monthStart(months[0]);
  const monthFactor = new Map(months.map((m) => [m, between(rng.fork(`month-${m}`), [0.85, 1.15])]));
  const cumulative = plan.starShares.slice(0, 4).map((_, i) => plan.starShares.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const hash = (idNumber: string) => ownerIdNumberHash(options.idHashSecret, idNumber);

  const people = new IdentityFactory(rng.fork('people'));
  const fresh = <T>(draw: () => T, taken: ReadonlySet<T>) => {
    for (;;) {
      const value = draw();
      if (!taken.has(value)) return value;
    }
  };
  // most owners bound in the two years before the first month, the others during the year
  const boundAt = (personRng: SeededRandom) =>
    personRng.chance(plan.boundBeforeShare)
      ? personRng.dateBetween(new Date(windowStart.getTime() - 730 * DAY), windowStart)
      : personRng.dateBetween(windowStart, new Date(now.getTime() - DAY));
  const newPerson = (identityId: number, personRng: SeededRandom): Person => ({
    identityId,
    name: people.personName(),
    idNumber: fresh(() => people.idNumber(), input.takenIdNumbers),
    phone: fresh(() => people.mobile(), input.takenPhones),
    boundAt: boundAt(personRng),
  });

  const housesOf = new Map<number, EvaluationSeedHouse[]>();
  for (const h of input.houses) {
    const list = housesOf.get(h.propertyAreaId);
    if (list) list.push(h);
    else housesOf.set(h.propertyAreaId, [h]);
  }
  const monthBounds = new Map(months.map((m) => [m, { from: monthStart(m).getTime(), to: Math.min(monthStart(monthsBefore(m, -1)).getTime(), now.getTime()) - 1000 }]));
  const registered = new Map<number, EvaluationSeedOwner>();
  for (const o of [...input.owners].sort((a, b) => a.id - b.id)) if (!registered.has(o.houseId)) registered.set(o.houseId, o);

  const owners: NewOwnerRow[] = [];
  const persons: Person[] = [];
  const bound = new Map<number, BoundHouse[]>();
  const addOwnerRow = (area: EvaluationSeedArea, house: EvaluationSeedHouse, person: Person) => {
    const row: NewOwnerRow = { id: input.nextOwnerId + owners.length, name: person.name, idNumber: person.idNumber, phone: person.phone, propertyAreaId: area.id, districtId: area.districtId, houseId: house.id };
    owners.push(row);
    return row;
  };

  // the demo owners first, so that they are identities 1 and 2 whatever the areas hold
  const demoAreas = demoOwnerAreas(input.areas, input.demoManagerId, input.demoCommitteeId);
  const demoHouses = new Map<number, Person>();
  if (demoAreas) {
    const demoRng = rng.fork('demo-owners');
    const taken = new Set<number>();
    demoAreas.forEach((area, i) => {
      // bound before the first month, so that their history covers the whole year
      const person = { ...newPerson(i + 1, demoRng), boundAt: demoRng.dateBetween(new Date(windowStart.getTime() - 400 * DAY), new Date(windowStart.getTime() - 30 * DAY)) };
      persons.push(person);
      const free = (housesOf.get(area.id) ?? []).filter((h) => h.usage === '住宅' && !registered.has(h.id) && !taken.has(h.id));
      for (const house of demoRng.shuffle(free).slice(0, i === 0 ? 2 : 1)) {
        taken.add(house.id);
        demoHouses.set(house.id, person);
      }
    });
  }

  // the demo owners' areas keep up their owners' participation
  const quiet = quietAreas(
    input.areas.filter((a) => !demoAreas?.some((d) => d.id === a.id)),
    housesOf,
    rng.fork('quiet'),
    plan.quietAreaShare,
  );

  // the quality of an area's property service, and of its committee (loosely tied to it)
  const quality = new Map<string, number>();
  for (const area of input.areas) {
    const r = rng.fork(`area-${area.id}`);
    const normal = gaussian(r);
    const service = normal();
    quality.set(`${EvaluationTarget.PROPERTY}-${area.id}`, service);
    quality.set(`${EvaluationTarget.COMMITTEE}-${area.id}`, 0.5 * service + Math.sqrt(0.75) * normal());
    const houses = housesOf.get(area.id) ?? [];
    if (!houses.length) continue;
    const others = houses.filter((h) => !demoHouses.has(h.id));
    const chosen = new Set([...houses.filter((h) => demoHouses.has(h.id)), ...r.sample(others, between(r, plan.boundShare))].map((h) => h.id));
    const list: BoundHouse[] = [];
    let sharing: Person | null = null;
    for (const house of houses.filter((h) => chosen.has(h.id))) {
      let person = demoHouses.get(house.id) ?? null;
      let owner: Pick<NewOwnerRow, 'id' | 'name'>;
      const existing = registered.get(house.id);
      if (person) {
        owner = addOwnerRow(area, house, person);
      } else if (existing) {
        person = { identityId: persons.length + 1, name: existing.name, idNumber: existing.idNumber, phone: existing.phone, boundAt: boundAt(r) };
        persons.push(person);
        owner = existing;
      } else {
        // one in twenty new owners also owns the next house bound here: one identity, two registry rows
        person = sharing ?? newPerson(persons.length + 1, r);
        if (!sharing) persons.push(person);
        sharing = !sharing && r.chance(plan.secondHouseShare) ? person : null;
        owner = addOwnerRow(area, house, person);
      }
      const habit = r.weighted(HABITS.map((h) => h.weight), HABITS.map((h) => h.share));
      list.push({ house, owner, person, habit, chance: 0, committeeChance: 0, leaning: normal() });
    }
    // the per-house chances that make the area's expected records a month what was drawn, over the houses bound each month
    const expected = quiet.has(area.id) ? between(r, plan.quietParticipation) * houses.length : Math.max(plan.minMonthlyRecords, between(r, plan.participation) * houses.length);
    const houseMonths = list.reduce((n, b) => n + months.filter((m) => b.person.boundAt.getTime() < monthBounds.get(m)!.to).length, 0) / months.length;
    // committees are evaluated less than the service, but enough for most to reach the ranking's minimum sample
    const committeeExpected = quiet.has(area.id) ? between(r, plan.quietParticipation) * houses.length : Math.max(plan.minMonthlyRecords * 0.8, between(r, plan.committeeParticipation) * houses.length);
    for (const b of list) {
      const demo = demoHouses.has(b.house.id);
      b.chance = demo ? 0.85 : Math.min(0.95, (expected / Math.max(1, houseMonths)) * b.habit);
      b.committeeChance = demo ? 0.35 : Math.min(0.95, committeeExpected / Math.max(1, houseMonths));
    }
    bound.set(area.id, list);
  }

  const identities: IdentityRow[] = [];
  const bindings: BindingRow[] = [];
  // per target: the items, each with the reasons a low star of it picks from and its 其他 texts
  const catalogue = new Map(
    Object.values(EvaluationTarget).map((target) => {
      const reasons = input.reasons.filter((x) => x.target === target);
      const items = input.items
        .filter((i) => i.target === target)
        .map((item) => {
          const named = reasons.filter((x) => (ITEM_REASONS[item.name] ?? []).includes(x.name));
          return { ...item, reasonPool: named.length ? named : reasons, otherTexts: OTHER_TEXTS[item.name] ?? GENERIC_OTHER_TEXTS };
        });
      return [target, { items, reasonName: new Map(reasons.map((x) => [x.id, x.name])) }];
    }),
  );
  const replyRate = new Map<number, number>();
  const rateOf = (accountId: number) => {
    if (!replyRate.has(accountId)) replyRate.set(accountId, between(rng.fork(`replier-${accountId}`), plan.replyShare));
    return replyRate.get(accountId)!;
  };

  // ids are given once all are drawn, in the order of submission
  type Draft = { at: number; evaluation: OwnerEvaluation; answers: OwnerEvaluationAnswer[] };
  const drafts: Draft[] = [];
  const lastSubmitted = new Map<number, Date>();
  const evaluate = (area: EvaluationSeedArea, b: BoundHouse, target: EvaluationTarget, month: string, r: SeededRandom, normal: () => number, areaMonthLatent: number) => {
    const bounds = monthBounds.get(month)!;
    const from = Math.max(bounds.from, b.person.boundAt.getTime() + 60_000);
    if (from >= bounds.to) return;
    const submittedAt = new Date(from + Math.floor(r.next() * (bounds.to - from)));
    const { items, reasonName } = catalogue.get(target)!;
    const satisfaction = LATENT.area * quality.get(`${target}-${area.id}`)! + LATENT.areaMonth * areaMonthLatent + LATENT.house * b.leaning + LATENT_RECORD * normal();
    const answers = items.map((item) => {
      const star = starOf(LATENT.item * satisfaction + LATENT_ITEM_NOISE * normal(), cumulative);
      const reasonIds: number[] = [];
      const pool = item.reasonPool;
      if (isLowStar(star) && pool.length) {
        const first = Math.floor(r.next() * pool.length);
        reasonIds.push(pool[first].id);
        // three in ten pick a second reason
        if (pool.length > 1 && r.chance(0.3)) reasonIds.push(pool[(first + 1 + Math.floor(r.next() * (pool.length - 1))) % pool.length].id);
      }
      return { itemId: item.id, itemName: item.name, weight: item.weight, star, reasonIds, otherReason: null as string | null, otherTexts: item.otherTexts };
    });
    if (!answers.length) return;
    const lowStar = answers.some((a) => isLowStar(a.star));
    if (lowStar && (r.chance(plan.otherShare) || !reasonName.size)) {
      // 其他 on the worst item; now and then instead of the catalogue's reasons
      const worst = answers.reduce((w, a) => (a.star < w.star ? a : w));
      worst.otherReason = r.pick(worst.otherTexts);
      if (r.chance(0.3)) worst.reasonIds.length = 0;
    }
    const stars = overallStars(answers);
    const comments = COMMENTS[target];
    const accountId = target === EvaluationTarget.PROPERTY ? (input.accounts.projectManagers.get(area.projectManagerId ?? -1) ?? input.accounts.companies.get(area.companyId ?? -1)) : input.accounts.committees.get(area.ownersCommitteeId ?? -1);
    let reply: string | null = null;
    let repliedAt: Date | null = null;
    if (accountId !== undefined && r.chance(rateOf(accountId))) {
      const firstLow = answers.find((a) => isLowStar(a.star));
      const reason = firstLow ? (reasonName.get(firstLow.reasonIds[0]) ?? firstLow.otherReason ?? '') : '';
      const template = r.pick(lowStar ? REPLIES[target].poor : REPLIES[target].good);
      reply = template.replace('{reason}', reason ? `“${reason}”` : '').replace('{item}', firstLow?.itemName ?? '');
      // within an hour to a week, and not after now
      repliedAt = new Date(Math.min(submittedAt.getTime() + r.int(3_600, 7 * 86_400) * 1000, now.getTime()));
    }
    drafts.push({
      at: submittedAt.getTime(),
      evaluation: {
        id: 0,
        target,
        month,
        propertyAreaId: area.id,
        districtId: area.districtId,
        streetId: area.streetId,
        communityId: area.communityId,
        companyId: target === EvaluationTarget.PROPERTY ? area.companyId : null,
        committeeId: target === EvaluationTarget.COMMITTEE ? area.ownersCommitteeId : null,
        houseId: b.house.id,
        ownerId: b.owner.id,
        identityId: b.person.identityId,
        ownerName: b.owner.name,
        scoreHundredths: scoreHundredths(answers),
        stars,
        lowStar,
        comment: r.chance(plan.commentShare) ? r.pick(lowStar ? comments.poor : comments.good) : null,
        anonymous: r.chance(plan.anonymousShare),
        submittedAt,
        reply,
        repliedAt,
        repliedById: reply === null ? null : accountId!,
      },
      answers: answers.map((a) => ({ id: 0, evaluationId: 0, itemId: a.itemId, itemName: a.itemName, weight: a.weight, star: a.star, reasonIds: a.reasonIds.join(','), otherReason: a.otherReason })),
    });
    const last = lastSubmitted.get(b.person.identityId);
    if (!last || last < submittedAt) lastSubmitted.set(b.person.identityId, submittedAt);
  };

  for (const area of input.areas) {
    const list = bound.get(area.id) ?? [];
    for (const month of months) {
      const r = rng.fork(`area-${area.id}-${month}`);
      const normal = gaussian(r);
      const wobble = normal();
      const committeeFrom = area.committeeTermStart?.slice(0, 7) ?? null;
      const factor = monthFactor.get(month)!;
      for (const b of list) {
        if (r.chance(Math.min(0.95, b.chance * factor))) evaluate(area, b, EvaluationTarget.PROPERTY, month, r, normal, wobble);
        if (committeeFrom !== null && month >= committeeFrom && r.chance(b.committeeChance)) evaluate(area, b, EvaluationTarget.COMMITTEE, month, r, normal, wobble);
      }
    }
    for (const b of list) {
      bindings.push({
        id: 0,
        identityId: b.person.identityId,
        houseId: b.house.id,
        ownerId: b.owner.id,
        propertyAreaId: area.id,
        districtId: area.districtId,
        streetId: area.streetId,
        ownerName: b.owner.name,
        idNumberHash: hash(b.person.idNumber),
        idNumberMasked: maskIdNumber(b.person.idNumber),
        boundAt: b.person.boundAt,
      });
    }
  }
  bindings.sort((a, b) => a.identityId - b.identityId || a.houseId - b.houseId).forEach((b, i) => (b.id = i + 1));
  for (const person of persons) {
    identities.push({
      id: person.identityId,
      channel: 'oa',
      openid: seededOwnerOpenid(person.identityId),
      lastLoginAt: lastSubmitted.get(person.identityId) ?? person.boundAt,
      // the first sign-in, minutes before binding
      createdAt: new Date(person.boundAt.getTime() - (1 + (person.identityId % 29)) * 60_000),
    });
  }

  // ids in the order the owners submitted
  drafts.sort((a, b) => a.at - b.at || a.evaluation.houseId - b.evaluation.houseId || (a.evaluation.target < b.evaluation.target ? -1 : a.evaluation.target > b.evaluation.target ? 1 : 0));
  const evaluations: OwnerEvaluation[] = [];
  const answers: OwnerEvaluationAnswer[] = [];
  for (const draft of drafts) {
    const evaluation = draft.evaluation;
    evaluation.id = evaluations.length + 1;
    evaluations.push(evaluation);
    for (const a of draft.answers) {
      a.id = answers.length + 1;
      a.evaluationId = evaluation.id;
      answers.push(a);
    }
  }
  return { owners, identities, bindings, evaluations, answers, ...evaluationMonthSums(evaluations, answers) };
}

/**
 * The monthly sums of evaluations as the module's tally keeps them (evaluation-tally.ts): per area,
 * target and month the records, the houses' first records of the year, the score hundredths, the
 * records by overall stars, low-star, replied, replied low-star and 其他 records; per reason the
 * answers that picked it. Rows in the order the tally would create them (by evaluation id).
 */
export function evaluationMonthSums(evaluations: readonly OwnerEvaluation[], answers: readonly OwnerEvaluationAnswer[]): { areaMonths: AreaMonthRow[]; reasonMonths: ReasonMonthRow[] } {
  const byId = [...evaluations].sort((a, b) => a.id - b.id);
  const answersOf = new Map<number, OwnerEvaluationAnswer[]>();
  for (const a of answers) {
    const own = answersOf.get(a.evaluationId);
    if (own) own.push(a);
    else answersOf.set(a.evaluationId, [a]);
  }
  // numeric keys (house or area, target, year or month): string keys cost more than the sums here
  const targetIndex = (e: OwnerEvaluation) => (e.target === EvaluationTarget.PROPERTY ? 0 : 1);
  const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const yearKey = (e: OwnerEvaluation) => (e.houseId * 2 + targetIndex(e)) * 10_000 + Number(e.month.slice(0, 4));
  // 评价户数 of a year: a house's earliest month of the target in the year
  const firstMonth = new Map<number, string>();
  for (const e of byId) {
    const seen = firstMonth.get(yearKey(e));
    if (seen === undefined || e.month < seen) firstMonth.set(yearKey(e), e.month);
  }
  const areaMonths = new Map<number, { sums: AreaMonthRow; reasons: Map<number, ReasonMonthRow> }>();
  const reasonMonths: ReasonMonthRow[] = [];
  for (const e of byId) {
    const key = (e.propertyAreaId * 2 + targetIndex(e)) * 100_000 + monthIndex(e.month);
    let entry = areaMonths.get(key);
    if (!entry) {
      const sums: AreaMonthRow = {
        propertyAreaId: e.propertyAreaId,
        target: e.target,
        month: e.month,
        districtId: e.districtId,
        streetId: e.streetId,
        communityId: e.communityId,
        companyId: e.companyId, committeeId: e.committeeId, records: 0, firstInYear: 0, scoreHundredthsSum: 0, star1: 0, star2: 0, star3: 0, star4: 0, star5: 0, lowStar: 0, replied: 0, lowStarReplied: 0, otherReasons: 0 };
      entry = { sums, reasons: new Map() };
      areaMonths.set(key, entry);
    }
    const { sums, reasons } = entry;
    const own = answersOf.get(e.id) ?? [];
    sums.records += 1;
    if (firstMonth.get(yearKey(e)) === e.month) sums.firstInYear += 1;
    sums.scoreHundredthsSum += e.scoreHundredths;
    sums[`star${e.stars}` as 'star1' | 'star2' | 'star3' | 'star4' | 'star5'] += 1;
    if (e.lowStar) sums.lowStar += 1;
    if (e.repliedAt !== null) sums.replied += 1;
    if (e.repliedAt !== null && e.lowStar) sums.lowStarReplied += 1;
    if (own.some((a) => a.otherReason !== null)) sums.otherReasons += 1;
    for (const answer of own) {
      if (!answer.reasonIds) continue;
      for (const reasonId of answer.reasonIds.split(',').map(Number)) {
        const counted = reasons.get(reasonId);
        if (counted) counted.count += 1;
        else {
          const row: ReasonMonthRow = { propertyAreaId: e.propertyAreaId, target: e.target, month: e.month, districtId: e.districtId, streetId: e.streetId, communityId: e.communityId, reasonId, count: 1 };
          reasons.set(reasonId, row);
          reasonMonths.push(row);
        }
      }
    }
  }
  return { areaMonths: [...areaMonths.values()].map((m) => m.sums), reasonMonths };
}

const OWNER_EVALUATION_TABLES = ['owner_identities', 'owner_house_bindings', 'owner_evaluations', 'owner_evaluation_answers', 'owner_evaluation_area_months', 'owner_evaluation_reason_months'];

/** The default catalogue (evaluation-catalogue.ts) when it is empty, in the seed's transaction (the app writes it at start-up otherwise). */
export async function ensureCatalogue(manager: EntityManager): Promise<void> {
  if (!(await manager.count(EvaluationItemEntity))) {
    await manager.insert(EvaluationItemEntity, Object.values(EvaluationTarget).flatMap((target) => DEFAULT_EVALUATION_ITEMS[target].map((name, i) => ({ target, name, weight: 1, sortOrder: i + 1, active: true }))));
  }
  if (!(await manager.count(DiscontentReasonEntity))) {
    await manager.insert(DiscontentReasonEntity, Object.values(EvaluationTarget).flatMap((target) => DEFAULT_DISCONTENT_REASONS[target].map((name, i) => ({ target, name, sortOrder: i + 1, active: true }))));
  }
}

type Raw = Array<Record<string, unknown>>;
const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** What the seed reads back of the areas, houses, registry owners, accounts and catalogue already written. */
export async function loadOwnerEvaluationSeedInput(manager: EntityManager, districtIds: readonly number[]): Promise<EvaluationSeedInput> {
  const within = districtIds.map(() => '?').join(', ');
  const areas = (await manager.query(
    `SELECT a.id, a.districtId, a.streetId, a.communityId, a.companyId, a.projectManagerId, a.ownersCommitteeId, c.termStart FROM property_areas a LEFT JOIN owners_committees c ON c.id = a.ownersCommitteeId WHERE a.districtId IN (${within}) ORDER BY a.id`,
    [...districtIds],
  )) as Raw;
  // `usage` is a reserved word in MySQL / MariaDB: quoted by the driver
  const houses = (await manager.query(`SELECT id, propertyAreaId, ${manager.connection.driver.escape('usage')} AS houseUsage FROM houses WHERE districtId IN (${within}) ORDER BY id`, [...districtIds])) as Raw;
  const owners = (await manager.query(`SELECT id, name, idNumber, phone, houseId FROM owners WHERE districtId IN (${within}) AND houseId IS NOT NULL ORDER BY id`, [...districtIds])) as Raw;
  const registry = (await manager.query('SELECT phone, idNumber FROM owners')) as Raw;
  const [{ maxId }] = (await manager.query('SELECT MAX(id) AS maxId FROM owners')) as Raw;
  const accounts = (await manager.query(
    `SELECT id, username, unitCategory, unitId FROM accounts WHERE status = 'ACTIVE' AND unitCategory IN ('PROJECT_MANAGER', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE') ORDER BY id`,
  )) as Raw;
  const units = (category: string) => {
    const map = new Map<number, number>();
    for (const a of accounts) if (a.unitCategory === category && !map.has(Number(a.unitId))) map.set(Number(a.unitId), Number(a.id));
    return map;
  };
  const demoUnit = (username: string) => idOrNull(accounts.find((a) => a.username === username)?.unitId);
  const items = await manager.find(EvaluationItemEntity, { where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  const reasons = await manager.find(DiscontentReasonEntity, { where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  return {
    areas: areas.map((a) => ({
      id: Number(a.id),
      districtId: Number(a.districtId),
      streetId: Number(a.streetId),
      communityId: Number(a.communityId),
      companyId: idOrNull(a.companyId),
      projectManagerId: idOrNull(a.projectManagerId),
      ownersCommitteeId: idOrNull(a.ownersCommitteeId),
      committeeTermStart: a.ownersCommitteeId === null || a.termStart === null ? null : String(a.termStart),
    })),
    houses: houses.map((h) => ({ id: Number(h.id), propertyAreaId: Number(h.propertyAreaId), usage: String(h.houseUsage) })),
    owners: owners.map((o) => ({ id: Number(o.id), name: String(o.name), idNumber: String(o.idNumber), phone: String(o.phone), houseId: Number(o.houseId) })),
    nextOwnerId: Number(maxId ?? 0) + 1,
    takenPhones: new Set(registry.map((o) => String(o.phone))),
    takenIdNumbers: new Set(registry.map((o) => String(o.idNumber))),
    items: items.map((i) => ({ id: i.id, target: i.target, name: i.name, weight: i.weight })),
    reasons: reasons.map((r) => ({ id: r.id, target: r.target, name: r.name })),
    accounts: { projectManagers: units('PROJECT_MANAGER'), companies: units('PROPERTY_COMPANY'), committees: units('OWNERS_COMMITTEE') },
    demoManagerId: demoUnit('demo.manager'),
    demoCommitteeId: demoUnit('demo.committee'),
  };
}

export interface OwnerEvaluationSeedResult {
  owners: number;
  identities: number;
  bindings: number;
  evaluations: number;
  answers: number;
  areaMonths: number;
  reasonMonths: number;
  seconds: number;
}

/**
 * Writes chapter 9's demo: owners bound to houses of the given districts' areas and their
 * evaluations of the last twelve months with the monthly sums, into empty evaluation tables, after
 * the areas, houses, registry owners (credit seed) and accounts. `idHashSecret`: the app's
 * OWNER_ID_HASH_SECRET when the caller has it.
 */
export async function seedOwnerEvaluations(
  dataSource: DataSource,
  manager: EntityManager,
  rng: SeededRandom,
  options: { districtIds: number[]; plan?: OwnerEvaluationSeedPlan; now?: Date; idHashSecret?: string },
): Promise<OwnerEvaluationSeedResult> {
  const started = Date.now();
  const holding = await nonEmptyTables(dataSource, manager, OWNER_EVALUATION_TABLES);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  await ensureCatalogue(manager);
  const input = await loadOwnerEvaluationSeedInput(manager, options.districtIds);
  const rows = ownerEvaluationSeedRows(input, rng, options.plan ?? DEMO_OWNER_EVALUATION_PLAN, { now: options.now ?? new Date(), idHashSecret: options.idHashSecret ?? SEED_ID_HASH_SECRET });
  const inserter = new BulkInserter(dataSource, manager);
  await inserter.insert(Owner, rows.owners);
  await inserter.insert(OwnerIdentity, rows.identities);
  await inserter.insert(OwnerHouseBinding, rows.bindings);
  await inserter.insert(OwnerEvaluation, rows.evaluations);
  await inserter.insert(OwnerEvaluationAnswer, rows.answers);
  await inserter.insert(EvaluationAreaMonth, rows.areaMonths);
  await inserter.insert(EvaluationReasonMonth, rows.reasonMonths);
  return {
    owners: rows.owners.length,
    identities: rows.identities.length,
    bindings: rows.bindings.length,
    evaluations: rows.evaluations.length,
    answers: rows.answers.length,
    areaMonths: rows.areaMonths.length,
    reasonMonths: rows.reasonMonths.length,
    seconds: (Date.now() - started) / 1000,
  };
}
