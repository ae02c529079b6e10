/**
 * Chapter 9, 业主评价情况: owners rate the property service (and their owners' committee) once a month
 * per house; the project manager replies; officers see the city ranking and the region statistics,
 * open the records behind a name, and 催办.
 */

/** What is rated (the platform's evaluateObjType: 1 物业, 2 业委会). */
export enum EvaluationTarget {
  PROPERTY = 'PROPERTY',
  COMMITTEE = 'COMMITTEE',
}

export const EVALUATION_TARGET_LABELS: Record<EvaluationTarget, string> = {
  [EvaluationTarget.PROPERTY]: '物业服务',
  [EvaluationTarget.COMMITTEE]: '业主委员会',
};

/** Who is ranked: 物业项目 and 物业企业 from the property evaluations, 业委会 from the committee ones. */
export enum RankingSubject {
  PROJECT = 'PROJECT',
  COMPANY = 'COMPANY',
  COMMITTEE = 'COMMITTEE',
}

export const RANKING_SUBJECT_LABELS: Record<RankingSubject, string> = {
  [RankingSubject.PROJECT]: '物业项目',
  [RankingSubject.COMPANY]: '物业企业',
  [RankingSubject.COMMITTEE]: '业委会',
};

export const RANKING_SUBJECT_TARGET: Record<RankingSubject, EvaluationTarget> = {
  [RankingSubject.PROJECT]: EvaluationTarget.PROPERTY,
  [RankingSubject.COMPANY]: EvaluationTarget.PROPERTY,
  [RankingSubject.COMMITTEE]: EvaluationTarget.COMMITTEE,
};

/** How a company's monthly score is made from its projects' records (setting OWNER_EVALUATION_COMPANY_SCORE). */
export enum CompanyScoreAggregation {
  /** the mean of all the records of its projects */
  RECORDS = 'RECORDS',
  /** the mean of its ranked projects' scores */
  PROJECTS = 'PROJECTS',
}

/** A star at or below this asks for 不满意原因 (the platform: 三星及以下). */
export const LOW_STAR_MAX = 3;
export const STAR_MIN = 1;
export const STAR_MAX = 5;

/** YYYY-MM, a Shanghai calendar month */
export const EVALUATION_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An item of the catalogue (GetEvaluationColumn): weight relative to the target's other active items. */
export interface EvaluationItem {
  id: number;
  target: EvaluationTarget;
  name: string;
  weight: number;
}

/** A 不满意原因 of the catalogue; 其他 is not a reason of the catalogue but free text beside them. */
export interface DiscontentReason {
  id: number;
  target: EvaluationTarget;
  name: string;
}

/** GET /api/owner/evaluations/form?houseId=&target= */
export interface OwnerEvaluationForm {
  houseId: number;
  target: EvaluationTarget;
  month: string;
  /** the house's evaluation of this month, when it has one (a second one is refused) */
  submitted: OwnerEvaluationView | null;
  items: EvaluationItem[];
  reasons: DiscontentReason[];
}

export interface EvaluationAnswerInput {
  itemId: number;
  star: number;
  /** required (or otherReason) when star ≤ LOW_STAR_MAX */
  reasonIds?: number[];
  /** 其他: free text */
  otherReason?: string;
}

/** POST /api/owner/evaluations */
export interface SubmitOwnerEvaluationRequest {
  houseId: number;
  target: EvaluationTarget;
  answers: EvaluationAnswerInput[];
  comment?: string;
  /** 匿名: the company sees the evaluation without the owner's name and house */
  anonymous?: boolean;
}

export interface EvaluationAnswerView {
  itemId: number;
  itemName: string;
  star: number;
  reasons: string[];
  otherReason: string | null;
}

/** An evaluation as its owner sees it. */
export interface OwnerEvaluationView {
  id: number;
  target: EvaluationTarget;
  month: string;
  propertyAreaName: string;
  houseLabel: string;
  /** 0–100, two decimals */
  score: number;
  /** the record's overall stars (the weighted mean, rounded) */
  stars: number;
  answers: EvaluationAnswerView[];
  comment: string | null;
  anonymous: boolean;
  submittedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

/**
 * An evaluation as officers and the evaluated side see it. For the company (project manager) an
 * anonymous one carries no owner name and no house.
 */
export interface EvaluationRecordView extends Omit<OwnerEvaluationView, 'houseLabel'> {
  propertyAreaId: number;
  companyName: string | null;
  committeeName: string | null;
  /** masked (张*) for officers; null where anonymous towards the reader */
  ownerName: string | null;
  houseLabel: string | null;
  lowStar: boolean;
  repliedByName: string | null;
}

/** POST /api/owner-evaluations/records/:id/reply */
export interface ReplyEvaluationRequest {
  content: string;
}

/** One row of 评价排名. */
export interface RankingItem {
  rank: number;
  subjectId: number;
  name: string;
  districtName: string | null;
  /** the area for projects and committees; null for companies */
  propertyAreaId: number | null;
  score: number;
  records: number;
}

/** GET /api/owner-evaluations/ranking?month=&subject=&order= */
export interface EvaluationRanking {
  month: string;
  subject: RankingSubject;
  order: 'desc' | 'asc';
  /** 全市平均分 of the subject kind over every record of the month */
  cityAverage: number;
  /** subjects with fewer scored records than this are not ranked (OWNER_EVALUATION_MIN_SAMPLE) */
  minSample: number;
  /** subjects ranked in all */
  ranked: number;
  items: RankingItem[];
}

export enum EvaluationCounter {
  /** 评价户数 */
  HOUSES = 'houses',
  /** 评价次数 */
  RECORDS = 'records',
  /** 房屋总数 of the areas (参评率's denominator) */
  HOUSE_TOTAL = 'houseTotal',
  STAR5 = 'star5',
  STAR4 = 'star4',
  STAR3 = 'star3',
  STAR2 = 'star2',
  STAR1 = 'star1',
  /** records with an item at 3 stars or fewer */
  LOW_STAR = 'lowStar',
  /** 回复数 */
  REPLIED = 'replied',
  /** low-star records without a reply (催办's first reason) */
  LOW_STAR_UNREPLIED = 'lowStarUnreplied',
}

export type EvaluationCounts = Record<EvaluationCounter, number> & {
  /** 参评率 = 评价户数 / 房屋总数 */
  participationRate: number;
  averageScore: number;
  lowStarRate: number;
  replyRate: number;
};

/** The columns of 评价统计 in their order (mini-program table, xlsx). */
export const EVALUATION_STATS_COLUMNS: ReadonlyArray<{ key: EvaluationCounter | 'participationRate' | 'averageScore' | 'lowStarRate' | 'replyRate'; label: string }> = [
  { key: EvaluationCounter.HOUSES, label: '评价户数' },
  { key: EvaluationCounter.RECORDS, label: '评价次数' },
  { key: 'participationRate', label: '参评率(%)' },
  { key: 'averageScore', label: '平均分' },
  { key: EvaluationCounter.STAR5, label: '五星' },
  { key: EvaluationCounter.STAR4, label: '四星' },
  { key: EvaluationCounter.STAR3, label: '三星' },
  { key: EvaluationCounter.STAR2, label: '二星' },
  { key: EvaluationCounter.STAR1, label: '一星' },
  { key: 'lowStarRate', label: '三星及以下占比(%)' },
  { key: EvaluationCounter.REPLIED, label: '回复数' },
  { key: 'replyRate', label: '回复率(%)' },
];

/** 不满意原因 top-N of a statistic, and the latest 其他 texts. */
export interface DiscontentSummary {
  reasons: Array<{ reasonId: number; name: string; count: number }>;
  otherCount: number;
  otherTexts: Array<{ evaluationId: number; text: string; propertyAreaName: string; month: string }>;
}

/** POST /api/owner-evaluations/urge */
export interface UrgeEvaluationRequest {
  title: string;
  content: string;
  month: string;
  target: EvaluationTarget;
  districtId?: number;
  streetId?: number;
  communityId?: number;
}

export enum OwnerEvaluationErrorCode {
  ALREADY_EVALUATED = 'OWNER_EVALUATION_ALREADY_EVALUATED',
  REASON_REQUIRED = 'OWNER_EVALUATION_REASON_REQUIRED',
  ITEMS_INCOMPLETE = 'OWNER_EVALUATION_ITEMS_INCOMPLETE',
  NO_COMMITTEE = 'OWNER_EVALUATION_NO_COMMITTEE',
  REASON_UNKNOWN = 'OWNER_EVALUATION_REASON_UNKNOWN',
  ALREADY_REPLIED = 'OWNER_EVALUATION_ALREADY_REPLIED',
  NOT_YOURS = 'OWNER_EVALUATION_NOT_YOURS',
  MONTH_IN_FUTURE = 'OWNER_EVALUATION_MONTH_IN_FUTURE',
}

export const OWNER_EVALUATION_ERROR_MESSAGES: Record<OwnerEvaluationErrorCode, string> = {
  [OwnerEvaluationErrorCode.ALREADY_EVALUATED]: '该房屋本月已评价过，每月每户只能评价一次',
  [OwnerEvaluationErrorCode.REASON_REQUIRED]: '三星及以下的评价项请选择不满意原因或填写其他原因',
  [OwnerEvaluationErrorCode.ITEMS_INCOMPLETE]: '请对每一个评价项打分，且每项只打一次',
  [OwnerEvaluationErrorCode.NO_COMMITTEE]: '该小区没有业主委员会，不能评价业委会',
  [OwnerEvaluationErrorCode.REASON_UNKNOWN]: '所选不满意原因不在目录中',
  [OwnerEvaluationErrorCode.ALREADY_REPLIED]: '该评价已回复过',
  [OwnerEvaluationErrorCode.NOT_YOURS]: '只能回复本人负责项目的评价',
  [OwnerEvaluationErrorCode.MONTH_IN_FUTURE]: '统计月份不能晚于本月',
};

/** One project behind a number of 评价统计 (tap the name for its records). */
export interface EvaluationAreaRow {
  propertyAreaId: number;
  propertyAreaName: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
  houseTotal: number;
  houses: number;
  records: number;
  participationRate: number;
  averageScore: number;
  lowStar: number;
  replied: number;
}
