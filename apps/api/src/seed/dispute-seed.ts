import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_FORM_TYPE,
  DISPUTE_OUTCOME_LABELS,
  DisputeDisposal,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSource,
  DisputeUrgency,
  PetitionCategory,
  PetitionForm,
  Role,
  ROLE_DEFAULT_GRANTS,
  UnitCategory,
  WorkflowAction,
  WorkflowOrigin,
  WorkflowStatus,
} from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { Account } from '../access/entities/account.entity';
import { ModuleGrant } from '../access/entities/module-grant.entity';
import { insertRows } from '../common/sql/insert-rows';
import { shanghaiDate } from '../common/http/shanghai-time';
import { DEFAULT_DISPUTE_CATEGORIES } from '../modules/disputes/dispute-categories';
import { DISPUTE_BUSINESS_NO_PREFIX } from '../modules/disputes/dispute.form';
import { DisputeCase } from '../modules/disputes/entities/dispute-case.entity';
import { DisputeCategory } from '../modules/disputes/entities/dispute-category.entity';
import { DisputeImportBatch } from '../modules/disputes/entities/dispute-import-batch.entity';
import { addWorkingDays, previousWorkingDay } from '../modules/disputes/working-days';
import { WorkflowActionRecord } from '../modules/workflow/entities/workflow-action-record.entity';
import { WorkflowCase } from '../modules/workflow/entities/workflow-case.entity';
import { WorkflowSequence } from '../modules/workflow/entities/workflow-sequence.entity';
import { BulkInserter } from './bulk-insert';
import { IdentityFactory } from './names';
import { apportion, SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';
import { FUTIAN_ID, NANSHAN_ID } from './shenzhen';

const S = WorkflowStatus;
const A = WorkflowAction;
const DAY = 86_400_000;
const HOUR = 3_600_000;

// ---- what the seed reads -----------------------------------------------------------------------

export interface DisputeSeedArea {
  id: number;
  name: string;
  districtId: number;
  streetId: number;
  communityId: number;
  houses: number;
}

export interface DisputeSeedOfficer {
  id: number;
  name: string;
  role: Role;
  districtId: number;
  streetId: number | null;
  username: string;
}

export interface DisputeSeedCategory {
  id: number;
  name: string;
  timeLimitWorkingDays: number;
}

export interface DisputeSeedInput {
  areas: readonly DisputeSeedArea[];
  /** active officers of the areas' districts: handlers, supervisors, leads, street offices */
  officers: readonly DisputeSeedOfficer[];
  categories: readonly DisputeSeedCategory[];
}

// ---- the plan ------------------------------------------------------------------------------------

/**
 * Domain notes 22e. Cases are counted per unit (district or street) and year within `yearlyPerUnit`,
 * proportional to the unit's property areas, `casesPerArea` per area over the whole window; the
 * shares are exact over the generated cases (SeededRandom.sample).
 */
export interface DisputeSeedPlan {
  years: number;
  casesPerArea: number;
  unit: 'district' | 'street';
  yearlyPerUnit: [number, number];
  petitionShare: number;
  /** of all cases; only streets with a street-office account can receive a 转办, so their share is raised to reach it */
  transferShare: number;
  /** of the transferred cases: the street returns it (退回区局) once, then the district transfers it again or handles it */
  returnedShare: number;
  resolveShare: number;
  settledShareOfResolved: number;
  settledShareOfDeEscalated: number;
  sentBackOnceShare: number;
  sentBackTwiceShare: number;
  /** open past their deadline (entered within the last year) */
  overdueShare: number;
  /** handling time of the closed cases (entry to 同意办结), log-normal */
  handlingDays: { median: number; p90: number };
  /** cases with an earlier case of the same area and category within `duplicateWindowDays` */
  duplicateShare: number;
  duplicateWindowDays: number;
  /** cases whose officer chose a 办理时限 of 30 calendar days (the mediation default) instead of the category's */
  customDeadlineShare: number;
}

const SHARES = {
  petitionShare: 0.3,
  transferShare: 0.65,
  returnedShare: 0.04,
  resolveShare: 0.7,
  settledShareOfResolved: 0.8,
  settledShareOfDeEscalated: 0.45,
  sentBackOnceShare: 0.12,
  sentBackTwiceShare: 0.02,
  overdueShare: 0.08,
  handlingDays: { median: 7, p90: 35 },
  duplicateShare: 0.04,
  duplicateWindowDays: 180,
  customDeadlineShare: 0.15,
} as const;

/**
 * The city: 200,000 cases over three years at 10,000 areas (20 per area). 300–1,500 a year per unit
 * cannot give that many per district (11 × 1,500 × 3 = 49,500), so the city counts them per street
 * (77 streets: 23,100–115,500 a year; 66,667 asked), the bounds scaled with the city's size.
 */
export function cityDisputePlan(propertyAreas: number): DisputeSeedPlan {
  const scale = propertyAreas / 10_000;
  return { ...SHARES, years: 3, casesPerArea: 20, unit: 'street', yearlyPerUnit: [300 * scale, 1_500 * scale] };
}

/** The demo: 福田区 and 南山区, 300–1,500 a year per district (about 6 per area), over the last year. */
export const DEMO_DISPUTE_PLAN: DisputeSeedPlan = { ...SHARES, years: 1, casesPerArea: 6, unit: 'district', yearlyPerUnit: [300, 1_500] };

/** The seeded categories' shares (22e: 物业费 25, 停车 15, 维修/维修资金 15, 业委会 12, 违反规约/装修/噪音 12, 共用部位收益 8, 开发遗留 8, 其他 5). */
export const CATEGORY_SHARES: Readonly<Record<string, number>> = {
  物业费追索: 25,
  停车纠纷: 15,
  共用设施维修与维修资金: 15,
  '业委会选聘/换届/交接': 12,
  违反管理规约使用物业: 12,
  共用部位收益: 8,
  前期物业与开发遗留问题: 8,
  // 其他 5 %: the catalogue's three smaller categories
  相邻关系: 2,
  车辆与财物被盗: 1,
  其他: 2,
};

// ---- the rows ------------------------------------------------------------------------------------

export type DisputeWorkflowCaseRow = Omit<WorkflowCase, 'payload' | 'originalPayload'> & { payload: DisputeSeedPayload; originalPayload: DisputeSeedPayload };
export type DisputeActionRow = Omit<WorkflowActionRecord, 'id'>;
export type DisputeCaseRow = DisputeCase;
export type DisputeBatchRow = DisputeImportBatch;

/** The payload as dispute.form.ts stores it (DisputePayload after prepare). */
export interface DisputeSeedPayload {
  streetId: number;
  communityId: number;
  propertyAreaId: number;
  address: string | null;
  categoryId: number;
  summary: string;
  demand: string;
  peopleCount: number;
  applicant: { kind: DisputePartyKind; name: string; phone: string | null };
  respondent: { kind: DisputePartyKind; name: string; phone: string | null };
  source: DisputeSource;
  urgency: DisputeUrgency;
  petition: { petitionNo: string | null; petitioner: string; phone: string | null; form: PetitionForm; date: string; collective: boolean; category: PetitionCategory } | null;
  deadline: string;
  propertyAreaName: string;
  categoryName: string;
  handling?: { disposal: DisputeDisposal; outcome: DisputeOutcome; repliedAt: string; handlingNote: string; issues: string | null };
}

export interface DisputeSeedBatch {
  cases: DisputeWorkflowCaseRow[];
  actions: DisputeActionRow[];
  disputes: DisputeCaseRow[];
}

/** Demo extras: an import batch and the cases the demo must show in every state. */
export interface DisputeShowcase {
  /** cases in these states in the district (and street), entered recently; `SENT_BACK_TWICE` waits in handling after two 驳回重报 */
  states: Array<{ districtId: number; streetId?: number; state: ShowcaseState }>;
  /** at least one case entered within the last 60 days in each of these streets (the duplicate warning's data) */
  duplicateStreets: number[];
  /** 已办结 cases imported in one batch by the district's handler */
  imports: Array<{ districtId: number; rows: number; fileName: string }>;
}

export type ShowcaseState = 'ENTRY' | 'STREET_HANDLING' | 'STREET_REVIEW' | 'REVIEW' | 'SENT_BACK_TWICE' | 'OVERDUE' | 'SETTLED' | 'UNSETTLED';

interface Skeleton {
  area: DisputeSeedArea;
  category: DisputeSeedCategory;
  enteredAt: number;
  /** workflow createdAt: the entry, or the import for imported cases */
  createdAt: number;
  deadline: string;
  overdue: boolean;
  /** open cases: waiting for review (else in handling) */
  awaitingReview: boolean;
  open: boolean;
  closeAt: number;
  transferred: boolean;
  returned: boolean;
  retransferred: boolean;
  sendBacks: number;
  petition: boolean;
  disposal: DisputeDisposal;
  outcome: DisputeOutcome;
  importBatch: number | null;
  creator: DisputeSeedOfficer | null;
}

// ---- texts ---------------------------------------------------------------------------------------

interface CategoryTexts {
  summaries: string[];
  demands: string[];
  applicant: DisputePartyKind[];
  respondent: DisputePartyKind[];
}

const O = DisputePartyKind;
const TEXTS: Record<string, CategoryTexts> = {
  物业费追索: {
    summaries: ['部分业主以服务质量下降为由拒交物业费，物业公司拟起诉追缴', '物业公司上调物业费标准未经业主大会表决，业主拒绝按新标准缴费', '业主长期拖欠物业费，物业公司停止为其办理门禁卡', '空置房业主要求减免物业费，与物业公司协商未果'],
    demands: ['要求物业公司公示收费标准及服务内容', '要求按原标准收取物业费', '要求业主补缴拖欠的物业费', '要求减免空置期间的物业费'],
    applicant: [O.OWNER, O.PROPERTY_COMPANY],
    respondent: [O.PROPERTY_COMPANY, O.OWNER],
  },
  停车纠纷: {
    summaries: ['地下车库月租停车费上涨，业主认为未经业主大会同意', '产权车位长期被外来车辆占用，物业管理不到位', '物业以拖欠停车费为由对业主车辆上锁', '小区道路停车位收益去向不明，业主要求公开'],
    demands: ['要求恢复原停车收费标准', '要求物业清理占用车位的车辆', '要求解锁车辆并协商缴费', '要求公示停车收益'],
    applicant: [O.OWNER, O.OWNERS_COMMITTEE],
    respondent: [O.PROPERTY_COMPANY, O.DEVELOPER],
  },
  共用设施维修与维修资金: {
    summaries: ['电梯频繁故障困人，业主要求动用维修资金更换电梯', '楼顶防水层老化渗漏，维修资金申请使用程序进展缓慢', '小区二次供水设施损坏，物业迟迟未安排维修', '外墙瓷砖脱落存在安全隐患，维修费用分摊有争议'],
    demands: ['要求尽快启动维修资金使用程序', '要求物业限期维修', '要求公示维修资金使用明细', '要求合理分摊维修费用'],
    applicant: [O.OWNER, O.OWNERS_COMMITTEE],
    respondent: [O.PROPERTY_COMPANY, O.OWNERS_COMMITTEE],
  },
  '业委会选聘/换届/交接': {
    summaries: ['业委会任期届满未按期组织换届选举', '新旧业委会交接不畅，公章及资料未移交', '业主质疑业委会选聘物业服务企业的程序不合规', '业委会成员被举报违规使用业主共有资金'],
    demands: ['要求街道指导组织换届选举', '要求原业委会移交公章及档案资料', '要求重新组织选聘', '要求公开共有资金收支账目'],
    applicant: [O.OWNER, O.OWNERS_COMMITTEE],
    respondent: [O.OWNERS_COMMITTEE, O.PROPERTY_COMPANY],
  },
  违反管理规约使用物业: {
    summaries: ['业主装修拆改承重墙，邻居担心房屋安全', '楼上住户夜间噪音扰民，多次沟通无果', '业主在公共走道堆放杂物并私搭乱建', '业主将住宅改为群租房，出入人员复杂'],
    demands: ['要求停止违规装修并恢复原状', '要求控制噪音', '要求清理杂物、拆除违建', '要求按管理规约整改'],
    applicant: [O.OWNER, O.PROPERTY_COMPANY],
    respondent: [O.OWNER],
  },
  共用部位收益: {
    summaries: ['电梯广告及外墙广告收益未向业主公开', '物业公司出租小区架空层，收益归属有争议', '共用部位经营收益未按约定存入共有资金账户', '业主要求分配历年公共收益'],
    demands: ['要求公开共用部位经营收益', '要求收益归全体业主所有', '要求将收益存入共有资金账户', '要求审计公共收益'],
    applicant: [O.OWNERS_COMMITTEE, O.OWNER],
    respondent: [O.PROPERTY_COMPANY],
  },
  前期物业与开发遗留问题: {
    summaries: ['开发商未按规划配建物业管理用房', '交房后房屋质量问题保修期内未处理', '开发商承诺的配套设施未兑现', '前期物业服务合同到期后物业公司拒绝退出'],
    demands: ['要求开发商移交物业管理用房', '要求开发商履行保修责任', '要求兑现配套承诺', '要求按程序退出并完成交接'],
    applicant: [O.OWNER, O.OWNERS_COMMITTEE],
    respondent: [O.DEVELOPER, O.PROPERTY_COMPANY],
  },
  相邻关系: {
    summaries: ['楼上卫生间漏水至楼下，双方对维修责任有争议', '相邻业主安装空调外机影响采光通风', '业主种植树木遮挡邻居窗户'],
    demands: ['要求查明漏水原因并赔偿损失', '要求移装空调外机', '要求修剪树木'],
    applicant: [O.OWNER],
    respondent: [O.OWNER],
  },
  车辆与财物被盗: {
    summaries: ['业主电动车在小区内被盗，要求物业承担责任', '车辆在地下车库被刮擦，监控缺失无法追责'],
    demands: ['要求物业调取监控并赔偿', '要求加强安保巡查'],
    applicant: [O.OWNER],
    respondent: [O.PROPERTY_COMPANY],
  },
  其他: {
    summaries: ['小区垃圾分类设施设置位置引发业主不满', '物业公司更换门禁系统收取费用引发争议', '小区绿化改造方案业主意见分歧'],
    demands: ['要求调整设施位置', '要求免费更换门禁卡', '要求征求全体业主意见'],
    applicant: [O.OWNER, O.OTHER],
    respondent: [O.PROPERTY_COMPANY, O.OTHER],
  },
};

const HANDLING_NOTES: Record<DisputeDisposal, Record<DisputeOutcome, string[]>> = {
  [DisputeDisposal.RESOLVE]: {
    [DisputeOutcome.SETTLED]: [
      '社区工作站组织物业、业主代表现场调解，双方达成一致意见，物业承诺限期整改',
      '街道人民调解委员会主持调解，双方签订调解协议并已履行完毕',
      '约谈物业服务企业负责人，督促其落实整改，业主对处理结果表示满意',
      '组织业委会、物业与业主三方协商，问题已解决，业主撤回投诉',
    ],
    [DisputeOutcome.CLOSED_UNSETTLED]: [
      '经调解双方达成初步意见，部分诉求需待业主大会表决后落实，后续跟踪回访',
      '已督促物业整改主要问题，业主对赔偿金额仍有异议，安排回访',
    ],
  },
  [DisputeDisposal.DE_ESCALATE]: {
    [DisputeOutcome.SETTLED]: [
      '向业主释法说理，解释相关法规及管理规约，业主表示理解并接受',
      '引导业主通过业主大会依法表决解决，业主情绪稳定，认可处理意见',
    ],
    [DisputeOutcome.CLOSED_UNSETTLED]: [
      '向当事人释法明理，引导其通过诉讼途径解决，当事人仍坚持诉求，纳入回访',
      '经多次沟通疏导，双方分歧较大，已告知司法救济渠道，持续跟踪',
      '做好情绪疏导工作，建议申请人民调解或仲裁，后续回访',
    ],
  },
};

const ISSUES = ['业主对物业服务标准仍有分歧', '维修资金使用程序耗时较长', '业委会履职能力不足', '开发商配合度不高，需持续督办', '当事人诉求超出政策范围'];
const SEND_BACK_OPINIONS = ['化解疏导情况描述不清，请补充处理过程及当事人意见后重报', '未附调解协议或回访记录，请补充材料后重报', '答复日期与处理过程不符，请核实后重报', '处置情况与实际不符，请重新核实'];
const RETURN_REASONS = ['该纠纷涉及全区物业服务企业统一收费政策，超出街道职权，退回区局办理', '当事人已向区局信访部门反映，建议由区局统一办理'];
const APPROVE_REMARKS = [null, null, '同意办结', '处理得当，同意办结'];
const SOURCE_WEIGHTS: ReadonlyArray<[DisputeSource, number]> = [
  [DisputeSource.HOTLINE_12345, 35],
  [DisputeSource.VISIT, 15],
  [DisputeSource.LETTER, 5],
  [DisputeSource.ONLINE_PETITION, 10],
  [DisputeSource.COMMUNITY_SCREENING, 15],
  [DisputeSource.STREET_ASSIGNED, 10],
  [DisputeSource.PROPERTY_REPORT, 10],
];
const PETITION_SOURCES = [DisputeSource.VISIT, DisputeSource.LETTER, DisputeSource.ONLINE_PETITION, DisputeSource.HOTLINE_12345];
const PETITION_FORMS: ReadonlyArray<[PetitionForm, number]> = [
  [PetitionForm.NETWORK, 35],
  [PetitionForm.PHONE, 30],
  [PetitionForm.VISIT, 25],
  [PetitionForm.LETTER, 9],
  [PetitionForm.FAX, 1],
];

// ---- generation ----------------------------------------------------------------------------------

/** A log-normal draw with the given median and 90th percentile (z of 0.9 = 1.2816). */
function logNormal(rng: SeededRandom, median: number, p90: number): number {
  const sigma = Math.log(p90 / median) / 1.2816;
  const u = Math.max(1e-12, rng.next());
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  return median * Math.exp(sigma * z);
}

/** Unit totals within the yearly bounds, proportional to the units' area counts where the bounds allow, summing to `total`. */
export function boundedShares(total: number, weights: readonly number[], [min, max]: [number, number]): number[] {
  if (!weights.length) return [];
  const clamp = (s: number) => weights.map((w) => Math.min(max, Math.max(min, s * w)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let lo = 0;
  let hi = (total / Math.max(1e-9, Math.min(...weights.filter((w) => w > 0), Infinity))) * 2 + 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (sum(clamp(mid)) < total) lo = mid;
    else hi = mid;
  }
  const exact = clamp(hi);
  // the bounds may not allow `total` (a small city): the clamped sizes then stand
  return apportion(Math.round(Math.min(Math.max(total, sum(clamp(0))), sum(clamp(Number.MAX_SAFE_INTEGER)))), exact);
}

class WorkingDays {
  private readonly cache = new Map<string, string>();
  add(from: string, days: number): string {
    const key = `${from}+${days}`;
    let value = this.cache.get(key);
    if (value === undefined) this.cache.set(key, (value = addWorkingDays(from, days)));
    return value;
  }
  previous(date: string): string {
    const key = `${date}-1`;
    let value = this.cache.get(key);
    if (value === undefined) this.cache.set(key, (value = previousWorkingDay(date)));
    return value;
  }
}

/** noon of a Shanghai day (the import's instant of a day it reads from a sheet) */
const middayOf = (date: string) => new Date(Date.parse(`${date}T12:00:00+08:00`));

/** One cache for the whole run: a few thousand distinct (day, count) pairs behind 200,000 cases. */
const WORKING_DAYS = new WorkingDays();

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** An instant in office hours (08:30–18:00 Shanghai) of the Shanghai day of `instant`. */
function officeHours(instant: number, rng: SeededRandom): number {
  const day = Date.parse(`${shanghaiDate(new Date(instant))}T00:00:00+08:00`);
  return day + 8.5 * HOUR + Math.floor(rng.next() * 9.5 * HOUR);
}

/**
 * The cases of the window ending at `now`, as the engine would have left them: per case one
 * workflow_cases row, its workflow_actions in order and its dispute_cases row, in batches of
 * `batchSize` cases (ids from `firstCaseId` / `firstDisputeId`, in the order the cases were created).
 */
export function* disputeSeedBatches(
  input: DisputeSeedInput,
  rng: SeededRandom,
  plan: DisputeSeedPlan,
  options: { now: Date; firstCaseId: number; firstDisputeId: number; firstBatchId?: number; batchSize?: number; showcase?: DisputeShowcase },
): Generator<DisputeSeedBatch | { importBatches: DisputeBatchRow[]; sequences: Array<{ name: string; lastValue: number }> }> {
  const skeletons = planCases(input, rng.fork('plan'), plan, options.now, options.showcase);
  const importBatches = importBatchRows(skeletons, input, options);
  const batchSize = options.batchSize ?? 2_000;
  const text = rng.fork('texts');
  const people = new IdentityFactory(rng.fork('people'));
  const officers = officerIndex(input.officers);
  const sequences = new Map<string, number>();
  for (let start = 0; start < skeletons.length; start += batchSize) {
    const batch: DisputeSeedBatch = { cases: [], actions: [], disputes: [] };
    for (let i = start; i < Math.min(skeletons.length, start + batchSize); i++) {
      const day = shanghaiDate(new Date(skeletons[i].createdAt)).replace(/-/g, '');
      const name = `${DISPUTE_BUSINESS_NO_PREFIX}-${day}`;
      const n = (sequences.get(name) ?? 0) + 1;
      sequences.set(name, n);
      const batchNo = skeletons[i].importBatch === null ? null : importBatches[skeletons[i].importBatch!];
      materialise(skeletons[i], { caseId: options.firstCaseId + i, disputeId: options.firstDisputeId + i, businessNo: `${name}-${String(n).padStart(4, '0')}`, batch: batchNo }, officers, text, people, options.now, batch);
    }
    yield batch;
  }
  yield { importBatches, sequences: [...sequences].map(([name, lastValue]) => ({ name, lastValue })) };
}

/** Everything disputeSeedBatches makes, collected (the demo and the spec; the city streams the batches). */
export function disputeSeedRows(
  input: DisputeSeedInput,
  rng: SeededRandom,
  plan: DisputeSeedPlan,
  options: { now: Date; firstCaseId?: number; firstDisputeId?: number; firstBatchId?: number; showcase?: DisputeShowcase },
): DisputeSeedBatch & { importBatches: DisputeBatchRow[]; sequences: Array<{ name: string; lastValue: number }> } {
  const all: DisputeSeedBatch & { importBatches: DisputeBatchRow[]; sequences: Array<{ name: string; lastValue: number }> } = { cases: [], actions: [], disputes: [], importBatches: [], sequences: [] };
  for (const part of disputeSeedBatches(input, rng, plan, { firstCaseId: 1, firstDisputeId: 1, ...options })) {
    if ('cases' in part) {
      all.cases.push(...part.cases);
      all.actions.push(...part.actions);
      all.disputes.push(...part.disputes);
    } else {
      all.importBatches = part.importBatches;
      all.sequences = part.sequences;
    }
  }
  return all;
}

interface OfficerIndex {
  handlers: Map<number, DisputeSeedOfficer[]>;
  reviewers: Map<number, DisputeSeedOfficer[]>;
  streetOffice: Map<number, DisputeSeedOfficer[]>;
}

function officerIndex(officers: readonly DisputeSeedOfficer[]): OfficerIndex {
  const index: OfficerIndex = { handlers: new Map(), reviewers: new Map(), streetOffice: new Map() };
  const add = (map: Map<number, DisputeSeedOfficer[]>, key: number, o: DisputeSeedOfficer) => map.set(key, [...(map.get(key) ?? []), o]);
  for (const o of [...officers].sort((a, b) => a.id - b.id)) {
    if (o.role === Role.DISTRICT_HANDLER) add(index.handlers, o.districtId, o);
    if (o.role === Role.DISTRICT_SUPERVISOR || o.role === Role.DISTRICT_LEAD) add(index.reviewers, o.districtId, o);
    if (o.role === Role.STREET_OFFICER && o.streetId !== null) add(index.streetOffice, o.streetId, o);
  }
  return index;
}

function planCases(input: DisputeSeedInput, rng: SeededRandom, plan: DisputeSeedPlan, now: Date, showcase?: DisputeShowcase): Skeleton[] {
  const nowMs = now.getTime();
  const today = shanghaiDate(now);
  const windowStart = nowMs - plan.years * 365 * DAY;
  const workingDays = WORKING_DAYS;
  const officers = officerIndex(input.officers);
  const weights = input.categories.map((c) => CATEGORY_SHARES[c.name] ?? 0);
  if (!weights.some((w) => w > 0)) throw new Error('dispute seed: none of the seeded 问题分类 is in the catalogue');
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  // ---- how many per unit and per area, when, of which category --------------------------------
  const areas = input.areas.filter((a) => officers.handlers.has(a.districtId) && officers.reviewers.has(a.districtId));
  const unitOf = (a: DisputeSeedArea) => (plan.unit === 'district' ? a.districtId : a.streetId);
  const units = [...new Set(areas.map(unitOf))].sort((a, b) => a - b);
  const areasOf = new Map<number, DisputeSeedArea[]>(units.map((u) => [u, []]));
  for (const a of areas) areasOf.get(unitOf(a))!.push(a);
  const unitTotals = boundedShares(Math.round(areas.length * plan.casesPerArea), units.map((u) => areasOf.get(u)!.length), [plan.yearlyPerUnit[0] * plan.years, plan.yearlyPerUnit[1] * plan.years]);
  const skeletons: Skeleton[] = [];
  units.forEach((unit, u) => {
    const own = areasOf.get(unit)!.sort((a, b) => a.id - b.id);
    // larger estates see more disputes, less than in proportion to their size
    const perArea = apportion(unitTotals[u], own.map((a) => Math.sqrt(Math.max(1, a.houses))));
    own.forEach((area, k) => {
      const n = perArea[k];
      if (!n) return;
      // smooth weighted round robin from a random phase: each category recurs evenly, so the same
      // category rarely comes back within the duplicate window by chance
      const credit = weights.map((w) => rng.next() * totalWeight * (w > 0 ? 1 : 0));
      const span = (nowMs - 2 * HOUR - windowStart) / n;
      for (let j = 0; j < n; j++) {
        for (let c = 0; c < weights.length; c++) credit[c] += weights[c];
        let best = 0;
        for (let c = 1; c < weights.length; c++) if (credit[c] > credit[best]) best = c;
        credit[best] -= totalWeight;
        const at = Math.min(nowMs - HOUR, officeHours(windowStart + (j + 0.15 + 0.7 * rng.next()) * span, rng));
        skeletons.push(blank(area, input.categories[best], at));
      }
    });
  });

  // ---- duplicates: first swap categories within an area until no case repeats an earlier one's
  // category within the window (swaps keep the shares), then copy the category of the case before
  // into cases until the duplicate share is reached
  const byArea = new Map<number, Skeleton[]>();
  for (const s of skeletons) {
    const list = byArea.get(s.area.id);
    if (list) list.push(s);
    else byArea.set(s.area.id, [s]);
  }
  const windowMs = plan.duplicateWindowDays * DAY;
  const duplicatesIn = (list: Skeleton[]) => {
    const last = new Map<number, number>();
    let count = 0;
    for (const s of list) {
      const before = last.get(s.category.id);
      if (before !== undefined && s.enteredAt - before <= windowMs) count++;
      last.set(s.category.id, s.enteredAt);
    }
    return count;
  };
  const swap = (list: Skeleton[], i: number, j: number) => ([list[i].category, list[j].category] = [list[j].category, list[i].category]);
  let duplicates = 0;
  const lists = [...byArea.values()];
  for (const list of lists) {
    list.sort((a, b) => a.enteredAt - b.enteredAt);
    let count = duplicatesIn(list);
    for (let pass = 0; pass < 3 && count > 0; pass++) {
      for (let i = 0; i < list.length && count > 0; i++) {
        for (let j = i + 1; j < list.length && count > 0; j++) {
          if (list[i].category.id === list[j].category.id) continue;
          swap(list, i, j);
          const after = duplicatesIn(list);
          if (after < count) count = after;
          else swap(list, i, j);
        }
      }
    }
    duplicates += count;
  }
  const wanted = Math.round(skeletons.length * plan.duplicateShare);
  const candidates: Array<{ list: Skeleton[]; j: number }> = [];
  for (const list of lists) for (let j = 1; j < list.length; j++) if (list[j].enteredAt - list[j - 1].enteredAt <= windowMs) candidates.push({ list, j });
  for (const { list, j } of rng.shuffle(candidates)) {
    if (duplicates >= wanted) break;
    if (list[j].category.id === list[j - 1].category.id) continue;
    const before = duplicatesIn(list);
    const was = list[j].category;
    list[j].category = list[j - 1].category;
    const after = duplicatesIn(list);
    // one more duplicate exactly (the copy may also end one further on)
    if (after === before + 1) duplicates++;
    else list[j].category = was;
  }

  // ---- deadlines ---------------------------------------------------------------------------------
  for (const s of skeletons) s.deadline = workingDays.add(shanghaiDate(new Date(s.enteredAt)), s.category.timeLimitWorkingDays);
  for (const s of rng.sample(skeletons, plan.customDeadlineShare)) s.deadline = addDays(shanghaiDate(new Date(s.enteredAt)), 30);

  // ---- shares -------------------------------------------------------------------------------------
  for (const s of rng.sample(skeletons, plan.petitionShare)) s.petition = true;
  const withStreetOffice = skeletons.filter((s) => officers.streetOffice.has(s.area.streetId));
  const transferred = rng.sample(withStreetOffice, Math.min(1, (skeletons.length * plan.transferShare) / Math.max(1, withStreetOffice.length)));
  for (const s of transferred) s.transferred = true;
  for (const s of rng.sample(transferred, plan.returnedShare)) {
    s.returned = true;
    s.retransferred = rng.chance(0.5);
  }
  const sentBack = rng.sample(skeletons, plan.sentBackOnceShare + plan.sentBackTwiceShare);
  sentBack.forEach((s, i) => (s.sendBacks = i < Math.round(skeletons.length * plan.sentBackTwiceShare) ? 2 : 1));
  const resolved = new Set(rng.sample(skeletons, plan.resolveShare));
  const deEscalated = skeletons.filter((s) => !resolved.has(s));
  for (const s of resolved) s.disposal = DisputeDisposal.RESOLVE;
  for (const s of deEscalated) s.disposal = DisputeDisposal.DE_ESCALATE;
  const settled = new Set([...rng.sample([...resolved], plan.settledShareOfResolved), ...rng.sample(deEscalated, plan.settledShareOfDeEscalated)]);
  for (const s of skeletons) s.outcome = settled.has(s) ? DisputeOutcome.SETTLED : DisputeOutcome.CLOSED_UNSETTLED;

  // ---- open and closed ----------------------------------------------------------------------------
  const overduePool = skeletons.filter((s) => s.deadline < today && s.enteredAt >= nowMs - 365 * DAY);
  for (const s of rng.sample(overduePool, Math.min(1, (skeletons.length * plan.overdueShare) / Math.max(1, overduePool.length)))) {
    s.overdue = true;
    s.open = true;
    s.awaitingReview = rng.chance(0.25);
  }
  for (const s of skeletons) {
    if (s.open) continue;
    let days = Math.min(400, logNormal(rng, plan.handlingDays.median, plan.handlingDays.p90));
    // a case still open at `now` past its deadline would be overdue beyond the share: it closed in time
    if (s.enteredAt + days * DAY > nowMs && s.deadline < today) days = (rng.next() * Math.max(0, nowMs - s.enteredAt - 20 * 60_000)) / DAY;
    s.closeAt = s.enteredAt + Math.max(0.02, days) * DAY;
    if (s.closeAt > nowMs - 10 * 60_000) {
      s.open = true;
      s.awaitingReview = rng.chance(0.35);
    }
  }
  if (showcase) applyShowcase(skeletons, showcase, officers, rng.fork('showcase'), nowMs, today);

  // imported cases: closed, entered months before their import
  if (showcase) {
    showcase.imports.forEach((imp, b) => {
      const importedAt = officeHours(nowMs - rng.int(20, 40) * DAY, rng);
      const own = areas.filter((a) => a.districtId === imp.districtId);
      for (let i = 0; i < imp.rows; i++) {
        const area = own[rng.int(0, own.length - 1)];
        const s = blank(area, input.categories[rng.weighted(input.categories.map((_, c) => c), weights)], officeHours(importedAt - rng.int(120, 330) * DAY, rng));
        s.createdAt = importedAt;
        s.deadline = workingDays.add(shanghaiDate(new Date(s.enteredAt)), s.category.timeLimitWorkingDays);
        s.closeAt = Math.min(importedAt - DAY, s.enteredAt + Math.max(0.5, logNormal(rng, plan.handlingDays.median, plan.handlingDays.p90)) * DAY);
        s.disposal = rng.chance(plan.resolveShare) ? DisputeDisposal.RESOLVE : DisputeDisposal.DE_ESCALATE;
        s.outcome = rng.chance(s.disposal === DisputeDisposal.RESOLVE ? plan.settledShareOfResolved : plan.settledShareOfDeEscalated) ? DisputeOutcome.SETTLED : DisputeOutcome.CLOSED_UNSETTLED;
        s.importBatch = b;
        s.creator = officers.handlers.get(imp.districtId)![0];
        skeletons.push(s);
      }
    });
  }

  for (const s of skeletons) {
    if (!s.creator) {
      const handlers = officers.handlers.get(s.area.districtId)!;
      s.creator = handlers[Math.floor(rng.next() * handlers.length)];
    }
  }
  // ids in the order the cases were created (the engine's auto-increment order)
  return skeletons.sort((a, b) => a.createdAt - b.createdAt || a.area.id - b.area.id);
}

function blank(area: DisputeSeedArea, category: DisputeSeedCategory, at: number): Skeleton {
  return {
    area,
    category,
    enteredAt: at,
    createdAt: at,
    deadline: '',
    overdue: false,
    awaitingReview: false,
    open: false,
    closeAt: 0,
    transferred: false,
    returned: false,
    retransferred: false,
    sendBacks: 0,
    petition: false,
    disposal: DisputeDisposal.RESOLVE,
    outcome: DisputeOutcome.SETTLED,
    importBatch: null,
    creator: null,
  };
}

/**
 * The demo's every-state cases: the most recent suitable case of the district (and street) becomes
 * one in that state; entered within the last 10 days so that it is within its deadline (OVERDUE: one
 * entered 15–60 days ago with its deadline passed).
 */
function applyShowcase(skeletons: Skeleton[], showcase: DisputeShowcase, officers: OfficerIndex, rng: SeededRandom, nowMs: number, today: string): void {
  const used = new Set<Skeleton>();
  for (const want of showcase.states) {
    const overdue = want.state === 'OVERDUE';
    const closed = want.state === 'SETTLED' || want.state === 'UNSETTLED';
    const street = want.state === 'STREET_HANDLING' || want.state === 'STREET_REVIEW';
    // the most recent case that fits, looking further back when a small street has none
    let pick: Skeleton | undefined;
    for (const days of [45, 120, 365]) {
      const fits = (s: Skeleton) =>
        !used.has(s) &&
        s.importBatch === null &&
        s.area.districtId === want.districtId &&
        (want.streetId === undefined || s.area.streetId === want.streetId) &&
        (!street || officers.streetOffice.has(s.area.streetId)) &&
        (overdue
          ? s.deadline < today && s.enteredAt >= nowMs - days * DAY && s.enteredAt <= nowMs - 15 * DAY
          : closed
            ? s.enteredAt <= nowMs - 30 * DAY && s.enteredAt >= nowMs - (days + 45) * DAY
            : s.enteredAt >= nowMs - days * DAY);
      pick = skeletons.filter(fits).sort((a, b) => b.enteredAt - a.enteredAt)[0];
      if (pick) break;
    }
    if (!pick) throw new Error(`dispute demo seed: no case of district ${want.districtId}${want.streetId ? ` street ${want.streetId}` : ''} can be made ${want.state}`);
    used.add(pick);
    // still within its 办理时限: the officer chose a later one
    if (!overdue && !closed && pick.deadline < addDays(today, 3)) pick.deadline = addDays(today, rng.int(3, 20));
    Object.assign(pick, { returned: false, retransferred: false });
    if (closed) {
      const days = rng.int(3, 20);
      Object.assign(pick, { open: false, overdue: false, closeAt: Math.min(nowMs - DAY, pick.enteredAt + days * DAY), sendBacks: 0 });
      Object.assign(pick, want.state === 'SETTLED' ? { disposal: DisputeDisposal.RESOLVE, outcome: DisputeOutcome.SETTLED } : { disposal: DisputeDisposal.DE_ESCALATE, outcome: DisputeOutcome.CLOSED_UNSETTLED });
      continue;
    }
    Object.assign(pick, { open: true, overdue, sendBacks: 0, transferred: false, awaitingReview: false });
    if (want.state === 'STREET_HANDLING') pick.transferred = true;
    if (want.state === 'STREET_REVIEW') Object.assign(pick, { transferred: true, awaitingReview: true });
    if (want.state === 'REVIEW') pick.awaitingReview = true;
    if (want.state === 'SENT_BACK_TWICE') Object.assign(pick, { sendBacks: 2, transferred: officers.streetOffice.has(pick.area.streetId) });
    if (overdue) pick.transferred = officers.streetOffice.has(pick.area.streetId);
  }
  // the duplicate warning: a recent case in each street, so that entering the same area and category there warns
  for (const streetId of showcase.duplicateStreets) {
    if (!skeletons.some((s) => s.area.streetId === streetId && s.enteredAt >= nowMs - 60 * DAY)) {
      throw new Error(`dispute demo seed: street ${streetId} has no case of the last 60 days for the duplicate warning`);
    }
  }
}

function importBatchRows(skeletons: Skeleton[], input: DisputeSeedInput, options: { firstBatchId?: number; showcase?: DisputeShowcase }): DisputeBatchRow[] {
  const officers = officerIndex(input.officers);
  return (options.showcase?.imports ?? []).map((imp, b) => {
    const rows = skeletons.filter((s) => s.importBatch === b);
    const createdAt = new Date(rows[0]?.createdAt ?? Date.now());
    const id = (options.firstBatchId ?? 1) + b;
    const importer = officers.handlers.get(imp.districtId)![0];
    return { id, batchNo: `DI-${shanghaiDate(createdAt).replace(/-/g, '')}-${id}`, districtId: imp.districtId, fileName: imp.fileName, rows: rows.length, importedById: importer.id, importedByName: importer.name, createdAt };
  });
}

interface Step {
  action: WorkflowAction;
  from: WorkflowStatus | null;
  to: WorkflowStatus;
  actor: DisputeSeedOfficer;
  opinion: string | null;
  remark: string | null;
}

/** The steps of a case from entry to where it stands (closed, or cut before its review / in handling). */
function stepsOf(s: Skeleton, officers: OfficerIndex, rng: SeededRandom, batchNo: string | null): Step[] {
  const creator = s.creator!;
  const handlersOf = officers.handlers.get(s.area.districtId)!;
  const street = officers.streetOffice.get(s.area.streetId) ?? [];
  const streetOfficer = street.length ? street[Math.floor(rng.next() * street.length)] : null;
  const step = (action: WorkflowAction, from: WorkflowStatus | null, to: WorkflowStatus, actor: DisputeSeedOfficer, opinion: string | null = null, remark: string | null = null): Step => ({ action, from, to, actor, opinion, remark });
  // an imported 已办结 case, as dispute-import.service.ts writes it: one entry, straight to closed, naming the batch
  if (batchNo) return [step(A.CREATE, null, S.APPROVED, creator, null, `已办结台账导入，导入批次 ${batchNo}`)];
  const steps: Step[] = [step(A.CREATE, null, S.ENTRY, creator)];
  let streetHandles = false;
  if (s.transferred && streetOfficer) {
    steps.push(step(A.TRANSFER, S.ENTRY, S.STREET_HANDLING, creator));
    streetHandles = true;
    if (s.returned) {
      steps.push(step(A.RETURN_TO_PREVIOUS, S.STREET_HANDLING, S.ENTRY, streetOfficer, rng.pick(RETURN_REASONS)));
      streetHandles = s.retransferred;
      if (s.retransferred) steps.push(step(A.TRANSFER, S.ENTRY, S.STREET_HANDLING, creator));
    }
  }
  // who handles, who reviews: the street office and the district's handler, or the district's handler and its supervisor / lead
  const handler = streetHandles ? streetOfficer! : creator;
  const reviewers = streetHandles ? handlersOf : officers.reviewers.get(s.area.districtId)!;
  const reviewer = streetHandles ? (rng.chance(0.8) ? creator : reviewers[Math.floor(rng.next() * reviewers.length)]) : reviewers.filter((r) => r.id !== creator.id)[0] ?? reviewers[0];
  const handling = streetHandles ? S.STREET_HANDLING : S.ENTRY;
  const review = streetHandles ? S.STREET_REVIEW : S.REVIEW;
  for (let k = 0; k <= s.sendBacks; k++) {
    if (s.open && k === s.sendBacks && !s.awaitingReview) return steps;
    steps.push(step(A.HANDLE, handling, review, handler));
    if (k < s.sendBacks) steps.push(step(A.SEND_BACK, review, handling, reviewer, rng.pick(SEND_BACK_OPINIONS)));
  }
  if (s.open) return steps;
  steps.push(step(A.APPROVE_CLOSE, review, S.APPROVED, reviewer, null, rng.pick(APPROVE_REMARKS)));
  return steps;
}

function materialise(
  s: Skeleton,
  ids: { caseId: number; disputeId: number; businessNo: string; batch: DisputeBatchRow | null },
  officers: OfficerIndex,
  rng: SeededRandom,
  people: IdentityFactory,
  now: Date,
  out: DisputeSeedBatch,
): void {
  const texts = TEXTS[s.category.name] ?? TEXTS['其他'];
  const area = s.area;
  const applicantKind = rng.pick(texts.applicant);
  const respondentKind = rng.pick(texts.respondent.filter((k) => k !== applicantKind || k === DisputePartyKind.OWNER));
  const partyName = (kind: DisputePartyKind) =>
    kind === O.OWNER ? people.personName() : kind === O.PROPERTY_COMPANY ? `${area.name}物业服务中心` : kind === O.OWNERS_COMMITTEE ? `${area.name}业主委员会` : kind === O.DEVELOPER ? `${area.name.replace(/[（(].*$/, '')}开发商` : rng.pick(['社区居民', '商户代表']);
  const applicant = { kind: applicantKind, name: partyName(applicantKind), phone: people.mobile() };
  const respondent = { kind: respondentKind, name: partyName(respondentKind), phone: rng.chance(0.6) ? people.mobile() : null };
  const enteredDate = shanghaiDate(new Date(s.enteredAt));
  // an imported row carries days only: the import takes noon of them
  const entered = ids.batch ? middayOf(enteredDate) : new Date(s.enteredAt);
  const peopleCount = rng.chance(0.12) ? rng.int(5, 60) : rng.int(1, 4);
  const source = s.petition ? rng.pick(PETITION_SOURCES) : rng.weighted(SOURCE_WEIGHTS.map(([x]) => x), SOURCE_WEIGHTS.map(([, w]) => w));
  const petitionForm = rng.weighted(PETITION_FORMS.map(([x]) => x), PETITION_FORMS.map(([, w]) => w));
  const payload: DisputeSeedPayload = {
    streetId: area.streetId,
    communityId: area.communityId,
    propertyAreaId: area.id,
    address: rng.chance(0.8) ? `${area.name}${rng.int(1, 20)}栋${rng.int(1, 32)}${String(rng.int(1, 8)).padStart(2, '0')}` : null,
    categoryId: s.category.id,
    summary: `${area.name}${rng.pick(texts.summaries)}`,
    demand: rng.pick(texts.demands),
    peopleCount,
    applicant,
    respondent,
    source,
    urgency: rng.weighted([DisputeUrgency.NORMAL, DisputeUrgency.URGENT, DisputeUrgency.CRITICAL], [80, 17, 3]),
    petition: s.petition
      ? {
          petitionNo: rng.chance(0.85) ? `XF${enteredDate.replace(/-/g, '')}${String(ids.disputeId % 100_000).padStart(5, '0')}` : null,
          petitioner: applicantKind === O.OWNER ? applicant.name : people.personName(),
          phone: applicantKind === O.OWNER ? applicant.phone : people.mobile(),
          form: petitionForm,
          date: addDays(enteredDate, -rng.int(0, 3)),
          // 走访 by five or more is a 集体访 (信访工作条例 art.20)
          collective: petitionForm === PetitionForm.VISIT && peopleCount >= 5,
          category: rng.weighted([PetitionCategory.APPEAL, PetitionCategory.SUGGESTION, PetitionCategory.ACCUSATION], [70, 15, 15]),
        }
      : null,
    deadline: s.deadline,
    propertyAreaName: area.name,
    categoryName: s.category.name,
  };

  const steps = stepsOf(s, officers, rng, ids.batch?.batchNo ?? null);
  // the steps' instants: increasing, from the entry to the close (or, open, to a point before now)
  const end = s.open ? s.enteredAt + (Math.min(now.getTime() - 5 * 60_000, s.enteredAt + 60 * DAY) - s.enteredAt) * (0.3 + 0.7 * rng.next()) : s.closeAt;
  const fractions = steps.slice(1).map(() => rng.next()).sort((a, b) => a - b);
  if (!s.open && fractions.length) fractions[fractions.length - 1] = 1;
  const at = [s.createdAt, ...fractions.map((f) => Math.max(s.createdAt + 60_000, s.enteredAt + f * (end - s.enteredAt)))];
  for (let i = 1; i < at.length; i++) at[i] = Math.max(at[i], at[i - 1] + 60_000);
  if (ids.batch) at.fill(s.createdAt);

  const lastHandle = steps.map((x, i) => ({ x, i })).filter(({ x }) => x.action === A.HANDLE).pop();
  const stored = { ...payload };
  if (lastHandle || ids.batch) {
    const handledAt = new Date(lastHandle ? at[lastHandle.i] : s.closeAt);
    const replied = new Date(Math.max(s.enteredAt, handledAt.getTime() - rng.int(0, 2) * DAY));
    stored.handling = {
      disposal: s.disposal,
      outcome: s.outcome,
      repliedAt: shanghaiDate(replied),
      handlingNote: rng.pick(HANDLING_NOTES[s.disposal][s.outcome]),
      issues: rng.chance(0.3) ? rng.pick(ISSUES) : null,
    };
    // 处理 as disputes.service.ts records it: the 化解疏导情况 as the opinion, the choices as the remark
    for (const x of steps.filter((x) => x.action === A.HANDLE)) {
      x.opinion = stored.handling.handlingNote.slice(0, 500);
      x.remark = `处置方式：${DISPUTE_DISPOSAL_LABELS[s.disposal]}；处置情况：${DISPUTE_OUTCOME_LABELS[s.outcome]}；答复日期：${stored.handling.repliedAt}`;
    }
  }
  const last = steps[steps.length - 1];
  const closed = last.to === S.APPROVED;
  const closedAt = ids.batch ? middayOf(shanghaiDate(new Date(s.closeAt))) : closed ? new Date(at[at.length - 1]) : null;
  const transfers = steps.map((x, i) => ({ x, i })).filter(({ x }) => x.action === A.TRANSFER);
  const creator = s.creator!;
  const caseRow: DisputeWorkflowCaseRow = {
    id: ids.caseId,
    businessNo: ids.businessNo,
    formType: DISPUTE_FORM_TYPE,
    origin: WorkflowOrigin.OFFICER,
    status: last.to,
    districtId: area.districtId,
    // the engine sets the street with the first 转办 and keeps it
    streetId: transfers.length ? area.streetId : null,
    subjectType: 'PROPERTY_AREA',
    subjectId: area.id,
    subjectName: area.name,
    title: `${s.category.name}：${payload.summary}`.slice(0, 200),
    payload: stored,
    // the import stores the sheet's row, handling included, as entered
    originalPayload: ids.batch ? stored : payload,
    initiatorId: creator.id,
    initiatorName: creator.name,
    initiatorRole: creator.role,
    initiatorUnitCategory: null,
    initiatorUnitId: null,
    entryActorId: creator.id,
    version: steps.length,
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(at[at.length - 1]),
    finishedAt: closedAt,
  };
  out.cases.push(caseRow);
  steps.forEach((x, i) =>
    out.actions.push({
      caseId: ids.caseId,
      seq: i + 1,
      action: x.action,
      fromStatus: x.from,
      toStatus: x.to,
      actorId: x.actor.id,
      actorName: x.actor.name,
      actorRole: x.actor.role,
      onBehalfOfId: null,
      onBehalfOfName: null,
      opinion: x.opinion,
      remark: x.remark,
      attachmentIds: [],
      at: new Date(at[i]),
    }),
  );
  // the reminders a case's deadline had by now (the sweep would otherwise send them again)
  const reachedDay = shanghaiDate(closedAt ?? now);
  const workingDays = WORKING_DAYS;
  const handling = stored.handling ?? null;
  out.disputes.push({
    id: ids.disputeId,
    workflowCaseId: ids.caseId,
    businessNo: ids.businessNo,
    districtId: area.districtId,
    streetId: area.streetId,
    communityId: area.communityId,
    propertyAreaId: area.id,
    address: payload.address,
    categoryId: s.category.id,
    summary: payload.summary,
    demand: payload.demand,
    peopleCount: payload.peopleCount,
    applicantKind: applicant.kind,
    applicantName: applicant.name,
    applicantPhone: applicant.phone,
    respondentKind: respondent.kind,
    respondentName: respondent.name,
    respondentPhone: respondent.phone,
    source: payload.source,
    urgency: payload.urgency,
    petitionNo: payload.petition?.petitionNo ?? null,
    petitioner: payload.petition?.petitioner ?? null,
    petitionerPhone: payload.petition?.phone ?? null,
    petitionForm: payload.petition?.form ?? null,
    petitionDate: payload.petition?.date ?? null,
    petitionCollective: payload.petition ? payload.petition.collective : null,
    petitionCategory: payload.petition?.category ?? null,
    deadline: s.deadline,
    status: last.to as DisputeCase['status'],
    closed,
    withStreet: last.to === S.STREET_HANDLING || last.to === S.STREET_REVIEW,
    transferredAt: transfers.length ? new Date(at[transfers[transfers.length - 1].i]) : null,
    transferCount: transfers.length,
    sendBackCount: steps.filter((x) => x.action === A.SEND_BACK).length,
    disposal: handling?.disposal ?? null,
    outcome: handling?.outcome ?? null,
    repliedAt: handling?.repliedAt ?? null,
    handlingNote: handling?.handlingNote ?? null,
    issues: handling?.issues ?? null,
    handledById: lastHandle ? steps[lastHandle.i].actor.id : ids.batch ? creator.id : null,
    closedAt,
    followUp: closed && handling?.outcome === DisputeOutcome.CLOSED_UNSETTLED,
    handlingDays: closedAt ? Math.max(0, Math.round((Date.parse(shanghaiDate(closedAt)) - Date.parse(enteredDate)) / DAY)) : null,
    enteredAt: entered,
    enteredById: creator.id,
    enteredByName: creator.name,
    importBatchId: ids.batch?.id ?? null,
    version: steps.length,
    remindedBeforeFor: workingDays.previous(s.deadline) <= reachedDay && !ids.batch ? s.deadline : null,
    remindedDueFor: s.deadline <= reachedDay && !ids.batch ? s.deadline : null,
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(at[at.length - 1]),
  });
}

// ---- writing -------------------------------------------------------------------------------------

/** The catalogue as the module seeds it, written when the table is still empty (the seed runs before the api's first start). */
async function ensureCategories(manager: EntityManager): Promise<DisputeSeedCategory[]> {
  const existing = await manager.find(DisputeCategory, { order: { sortOrder: 'ASC', id: 'ASC' } });
  if (!existing.length) {
    await insertRows(
      manager,
      DisputeCategory,
      DEFAULT_DISPUTE_CATEGORIES.map((c, i) => ({ name: c.name, timeLimitWorkingDays: c.timeLimitWorkingDays, active: true, sortOrder: i + 1 })),
    );
  }
  const rows = existing.length ? existing : await manager.find(DisputeCategory, { order: { sortOrder: 'ASC', id: 'ASC' } });
  return rows.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, timeLimitWorkingDays: c.timeLimitWorkingDays }));
}

async function readInput(manager: EntityManager, districtIds: number[] | null): Promise<DisputeSeedInput> {
  const where = districtIds ? `WHERE a.districtId IN (${districtIds.map(() => '?').join(', ')})` : '';
  const rawAreas = (await manager.query(`SELECT a.id, a.name, a.districtId, a.streetId, a.communityId, a.houseCount FROM property_areas a ${where} ORDER BY a.id`, districtIds ?? [])) as Array<Record<string, unknown>>;
  const officerWhere = districtIds ? `AND districtId IN (${districtIds.map(() => '?').join(', ')})` : '';
  const rawOfficers = (await manager.query(
    `SELECT id, name, role, districtId, streetId, username FROM accounts
      WHERE status = 'ACTIVE' AND passwordChangedAt IS NOT NULL AND role IN ('DISTRICT_HANDLER', 'DISTRICT_SUPERVISOR', 'DISTRICT_LEAD', 'STREET_OFFICER') ${officerWhere} ORDER BY id`,
    districtIds ?? [],
  )) as Array<Record<string, unknown>>;
  return {
    areas: rawAreas.map((r) => ({ id: Number(r.id), name: String(r.name), districtId: Number(r.districtId), streetId: Number(r.streetId), communityId: Number(r.communityId), houses: Number(r.houseCount ?? 0) })),
    officers: rawOfficers.map((r) => ({ id: Number(r.id), name: String(r.name), role: r.role as Role, districtId: Number(r.districtId), streetId: r.streetId === null ? null : Number(r.streetId), username: String(r.username) })),
    categories: await ensureCategories(manager),
  };
}

const maxId = async (manager: EntityManager, table: string) => Number(((await manager.query(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`)) as Array<{ n: number | string }>)[0].n);

/**
 * Writes the dispute cases of the given districts (null: all) into empty dispute tables, after the
 * workflow cases already there: workflow_cases, workflow_actions, dispute_cases, the import batches
 * and the DC business-number sequences, batch by batch (the city's 200,000 cases never sit in memory at once).
 */
export async function seedDisputes(
  dataSource: DataSource,
  manager: EntityManager,
  rng: SeededRandom,
  options: { plan: DisputeSeedPlan; districtIds: number[] | null; now?: Date; showcase?: DisputeShowcase },
): Promise<{ cases: number; actions: number; batches: number; seconds: number }> {
  const started = Date.now();
  const holding = await nonEmptyTables(dataSource, manager, ['dispute_cases', 'dispute_import_batches']);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  const input = await readInput(manager, options.districtIds);
  const inserter = new BulkInserter(dataSource, manager);
  // the reference day: the seed's `now` at the start of its Shanghai minute, so that a rerun the same day gives the same rows
  const now = options.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  let cases = 0;
  let actions = 0;
  let batches = 0;
  for (const part of disputeSeedBatches(input, rng, options.plan, { now, firstCaseId: (await maxId(manager, 'workflow_cases')) + 1, firstDisputeId: 1, firstBatchId: 1, batchSize: 5_000, showcase: options.showcase })) {
    if ('cases' in part) {
      await inserter.insert(WorkflowCase, part.cases.map((c) => ({ ...c, payload: JSON.stringify(c.payload), originalPayload: JSON.stringify(c.originalPayload) })) as unknown as Array<Partial<WorkflowCase>>);
      await inserter.insert(WorkflowActionRecord, part.actions.map((a) => ({ ...a, attachmentIds: '[]' })) as unknown as Array<Partial<WorkflowActionRecord>>);
      await inserter.insert(DisputeCase, part.disputes);
      cases += part.cases.length;
      actions += part.actions.length;
    } else {
      // batches go in before nothing reads them; the cases name them by id
      await inserter.insert(DisputeImportBatch, part.importBatches);
      batches = part.importBatches.length;
      const known = new Set(((await manager.query(`SELECT name FROM workflow_sequences WHERE name LIKE ?`, [`${DISPUTE_BUSINESS_NO_PREFIX}-%`])) as Array<{ name: string }>).map((r) => r.name));
      if (known.size) throw new Error(`dispute seed: workflow_sequences already numbers ${[...known][0]}`);
      await inserter.insert(WorkflowSequence, part.sequences);
    }
  }
  return { cases, actions, batches, seconds: (Date.now() - started) / 1000 };
}

// ---- the demo ------------------------------------------------------------------------------------

/** Street-office demo logins of 南山区 (demo-accounts.ts holds 福田区's), made by the dispute step. */
export const NANSHAN_DEMO_STREET_ACCOUNTS: ReadonlyArray<{ username: string; name: string; street: string }> = [
  { username: 'nanshan.street.yuehai', name: '钟丽萍', street: '粤海街道' },
  { username: 'nanshan.street.nantou', name: '罗志刚', street: '南头街道' },
];

/**
 * The 南山区 street-office demo logins: the street's generated account becomes the login (renamed,
 * unbound), or one is added with the role's grants, as demo-seed.ts does for 福田区's streets.
 */
async function placeNanshanStreetAccounts(manager: EntityManager): Promise<void> {
  for (const demo of NANSHAN_DEMO_STREET_ACCOUNTS) {
    const [street] = (await manager.query(`SELECT id, name FROM regions WHERE level = 'STREET' AND districtId = ? AND name = ?`, [NANSHAN_ID, demo.street])) as Array<{ id: number; name: string }>;
    if (!street) throw new Error(`demo account ${demo.username}: no street ${demo.street} in 南山区`);
    const [existing] = (await manager.query(`SELECT id FROM accounts WHERE role = 'STREET_OFFICER' AND streetId = ? ORDER BY id LIMIT 1`, [street.id])) as Array<{ id: number }>;
    if (existing) {
      await manager.update(Account, { id: Number(existing.id) }, { username: demo.username, name: demo.name, wechatOpenId: null, boundAt: null });
      continue;
    }
    const lead = await manager.findOneOrFail(Account, { where: { role: Role.DISTRICT_LEAD, districtId: NANSHAN_ID }, order: { id: 'ASC' } });
    const phones = new Set(((await manager.query(`SELECT phone FROM accounts`)) as Array<{ phone: string }>).map((r) => String(r.phone)));
    let phone = Number(`139${String(street.id).padStart(8, '0')}`);
    while (phones.has(String(phone))) phone++;
    const id = (await maxId(manager, 'accounts')) + 1;
    await insertRows(manager, Account, [
      {
        id,
        username: demo.username,
        passwordHash: lead.passwordHash,
        passwordChangedAt: lead.passwordChangedAt,
        name: demo.name,
        phone: String(phone),
        role: Role.STREET_OFFICER,
        districtId: NANSHAN_ID,
        streetId: Number(street.id),
        unitCategory: UnitCategory.STREET_OFFICE,
        unitId: Number(street.id),
        position: `${street.name}物业管理专干`,
        wechatOpenId: null,
        boundAt: null,
        createdById: lead.id,
        version: 1,
      },
    ]);
    await insertRows(manager, ModuleGrant, ROLE_DEFAULT_GRANTS[Role.STREET_OFFICER].map((g) => ({ accountId: id, ...g, grantedById: lead.id })));
  }
}

const streetId = async (manager: EntityManager, districtId: number, name: string) => {
  const [row] = (await manager.query(`SELECT id FROM regions WHERE level = 'STREET' AND districtId = ? AND name = ?`, [districtId, name])) as Array<{ id: number }>;
  if (!row) throw new Error(`dispute demo seed: no street ${name} in district ${districtId}`);
  return Number(row.id);
};

/**
 * The demo: 福田区 and 南山区 over the last year, with cases in every state (园岭街道's 街道办理 for
 * futian.street.yuanling; 粤海街道 for nanshan.street.yuehai), one 导入 batch of 已办结 cases in 福田区, recent
 * cases in 园岭 and 香蜜湖 for the duplicate warning, and the 南山区 street-office logins.
 */
export async function seedDemoDisputes(dataSource: DataSource, manager: EntityManager, rng: SeededRandom, options: { now?: Date } = {}): Promise<{ cases: number; actions: number; batches: number; seconds: number }> {
  await placeNanshanStreetAccounts(manager);
  const yuanling = await streetId(manager, FUTIAN_ID, '园岭街道');
  const xiangmihu = await streetId(manager, FUTIAN_ID, '香蜜湖街道');
  const yuehai = await streetId(manager, NANSHAN_ID, '粤海街道');
  const every: ShowcaseState[] = ['ENTRY', 'STREET_HANDLING', 'STREET_REVIEW', 'REVIEW', 'SENT_BACK_TWICE', 'OVERDUE', 'SETTLED', 'UNSETTLED'];
  const showcase: DisputeShowcase = {
    states: [
      ...every.map((state) => ({ districtId: FUTIAN_ID, state })),
      { districtId: FUTIAN_ID, streetId: yuanling, state: 'STREET_HANDLING' },
      { districtId: FUTIAN_ID, streetId: yuanling, state: 'STREET_REVIEW' },
      { districtId: FUTIAN_ID, streetId: xiangmihu, state: 'STREET_HANDLING' },
      ...every.map((state) => ({ districtId: NANSHAN_ID, state })),
      { districtId: NANSHAN_ID, streetId: yuehai, state: 'STREET_HANDLING' },
    ],
    duplicateStreets: [yuanling, xiangmihu],
    imports: [{ districtId: FUTIAN_ID, rows: 12, fileName: '福田区矛盾纠纷已办结台账（2026年上半年）.xlsx' }],
  };
  return seedDisputes(dataSource, manager, rng, { plan: DEMO_DISPUTE_PLAN, districtIds: [FUTIAN_ID, NANSHAN_ID], now: options.now, showcase });
}
