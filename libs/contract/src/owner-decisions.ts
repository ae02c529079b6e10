/**
 * Chapter 10, 业主决策情况: conveners (业委会, 筹备组, 换届小组, 街道办) put votes to the owners; the
 * street office checks a convener's vote before it is published; owners vote in the mini-program,
 * conveners enter paper ballots; results follow 民法典 art. 278 (the API's vote-tally).
 */

/** 表决议题类别: 民法典 278's nine items mapped onto Shenzhen's ten assembly matters (domain notes 10a). */
export enum DecisionCategory {
  /** 制定和修改业主大会议事规则 */
  RULES = 'RULES',
  /** 制定和修改管理规约 */
  COVENANT = 'COVENANT',
  /** 选举业主委员会或者更换业主委员会成员 */
  ELECT_COMMITTEE = 'ELECT_COMMITTEE',
  /** 选聘和解聘物业服务企业或者其他管理人 */
  HIRE_COMPANY = 'HIRE_COMPANY',
  /** 使用建筑物及其附属设施的维修资金 */
  USE_FUND = 'USE_FUND',
  /** 筹集建筑物及其附属设施的维修资金 */
  RAISE_FUND = 'RAISE_FUND',
  /** 改建、重建建筑物及其附属设施 */
  REBUILD = 'REBUILD',
  /** 改变共有部分的用途或者利用共有部分从事经营活动 */
  COMMON_PART_USE = 'COMMON_PART_USE',
  /** 审议年度计划和预算方案、业委会工作报告 (Shenzhen) */
  BUDGET_REPORT = 'BUDGET_REPORT',
  /** 确定或变更物业管理方式、服务内容、标准和收费方案 (Shenzhen) */
  FEES = 'FEES',
  /** 有关共有和共同管理权利的其他重大事项 */
  OTHER = 'OTHER',
}

export const DECISION_CATEGORY_LABELS: Record<DecisionCategory, string> = {
  [DecisionCategory.RULES]: '制定和修改业主大会议事规则',
  [DecisionCategory.COVENANT]: '制定和修改管理规约',
  [DecisionCategory.ELECT_COMMITTEE]: '选举或更换业主委员会',
  [DecisionCategory.HIRE_COMPANY]: '选聘和解聘物业服务企业',
  [DecisionCategory.USE_FUND]: '使用维修资金',
  [DecisionCategory.RAISE_FUND]: '筹集维修资金',
  [DecisionCategory.REBUILD]: '改建、重建建筑物及其附属设施',
  [DecisionCategory.COMMON_PART_USE]: '改变共有部分用途或利用共有部分经营',
  [DecisionCategory.BUDGET_REPORT]: '年度计划预算和工作报告',
  [DecisionCategory.FEES]: '物业服务内容、标准和收费方案',
  [DecisionCategory.OTHER]: '其他重大事项',
};

export enum VoteChoice {
  AGREE = 'AGREE',
  DISAGREE = 'DISAGREE',
  ABSTAIN = 'ABSTAIN',
}

export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = {
  [VoteChoice.AGREE]: '同意',
  [VoteChoice.DISAGREE]: '不同意',
  [VoteChoice.ABSTAIN]: '弃权',
};

export enum VoteState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  VOTING = 'VOTING',
  PUBLICITY = 'PUBLICITY',
  COMPLETED = 'COMPLETED',
}

export const VOTE_STATE_LABELS: Record<VoteState, string> = {
  [VoteState.DRAFT]: '草稿',
  [VoteState.SUBMITTED]: '待街道核实',
  [VoteState.PUBLISHED]: '已发布',
  [VoteState.VOTING]: '正在表决',
  [VoteState.PUBLICITY]: '询异',
  [VoteState.COMPLETED]: '已完成',
};

/** 召集人 (深建规〔2020〕14号 art. 2) */
export enum VoteConvener {
  COMMITTEE = 'COMMITTEE',
  PREPARATORY_GROUP = 'PREPARATORY_GROUP',
  RE_ELECTION_GROUP = 'RE_ELECTION_GROUP',
  STREET_OFFICE = 'STREET_OFFICE',
}

export const VOTE_CONVENER_LABELS: Record<VoteConvener, string> = {
  [VoteConvener.COMMITTEE]: '业主委员会',
  [VoteConvener.PREPARATORY_GROUP]: '筹备组',
  [VoteConvener.RE_ELECTION_GROUP]: '换届小组',
  [VoteConvener.STREET_OFFICE]: '街道办事处',
};

export enum VoteMeetingType {
  FIRST = 'FIRST',
  REGULAR = 'REGULAR',
  EXTRAORDINARY = 'EXTRAORDINARY',
  RE_ELECTION = 'RE_ELECTION',
}

export const VOTE_MEETING_TYPE_LABELS: Record<VoteMeetingType, string> = {
  [VoteMeetingType.FIRST]: '首次业主大会会议',
  [VoteMeetingType.REGULAR]: '定期会议',
  [VoteMeetingType.EXTRAORDINARY]: '临时会议',
  [VoteMeetingType.RE_ELECTION]: '换届选举',
};

/** 投票范围: the whole area, or listed buildings of it */
export enum VoteScope {
  AREA = 'AREA',
  BUILDINGS = 'BUILDINGS',
}

export const VOTE_SCOPE_LABELS: Record<VoteScope, string> = {
  [VoteScope.AREA]: '全体业主',
  [VoteScope.BUILDINGS]: '部分楼栋',
};

export enum BallotSource {
  ELECTRONIC = 'ELECTRONIC',
  PAPER = 'PAPER',
}

export const BALLOT_SOURCE_LABELS: Record<BallotSource, string> = {
  [BallotSource.ELECTRONIC]: '电子投票',
  [BallotSource.PAPER]: '纸质选票',
};

export interface VoteTopicInput {
  content: string;
  category: DecisionCategory;
}

export interface CreateVoteRequest {
  propertyAreaId: number;
  title: string;
  meetingType: VoteMeetingType;
  convener: VoteConvener;
  scope: VoteScope;
  /** required with scope BUILDINGS: buildings of the area */
  buildingIds?: number[];
  beginAt: string;
  endAt: string;
  topics: VoteTopicInput[];
}

export type UpdateVoteRequest = Omit<CreateVoteRequest, 'propertyAreaId'>;

export interface CheckVoteRequest {
  approve: boolean;
  /** required when returning the vote */
  note?: string;
}

export interface ExtendVoteRequest {
  endAt: string;
  reason: string;
}

export interface BallotChoiceInput {
  topicId: number;
  choice: VoteChoice;
}

export interface CastBallotRequest {
  houseId: number;
  choices: BallotChoiceInput[];
}

export interface PaperBallotRow {
  houseId: number;
  paperNo: string;
  choices: BallotChoiceInput[];
}

export interface PaperBallotsRequest {
  rows: PaperBallotRow[];
}

export interface PaperBallotsResult {
  /** ballots written (a paper ballot never replaces an electronic one: those are skipped) */
  written: number;
  skippedElectronic: number;
}

/** An exact share as the tally gives it. */
export interface VoteRatioView {
  numerator: string;
  denominator: string;
  fraction: string;
  percent: number;
}

export interface VoteTopicResultView {
  quorumReached: boolean;
  passed: boolean;
  /** hundredths of a square metre, as decimal strings (bigint-safe) */
  participatingAreaHundredths: string;
  participatingPersons: number;
  agreeAreaHundredths: string;
  agreePersons: number;
  participationArea: VoteRatioView;
  participationPersons: VoteRatioView;
  agreeArea: VoteRatioView;
  agreePersonsRatio: VoteRatioView;
  passThresholdLabel: string;
}

export interface VoteTopicView {
  id: number;
  seq: number;
  content: string;
  category: DecisionCategory;
  categoryLabel: string;
  /** from 询异 on */
  result: VoteTopicResultView | null;
}

export interface VoteListItem {
  id: number;
  /** 编号 */
  voteNo: string;
  propertyAreaId: number;
  /** 小区 */
  propertyAreaName: string;
  /** 议题 */
  title: string;
  /** 范围 */
  scope: VoteScope;
  scopeLabel: string;
  buildingIds: number[];
  /** 起止时间 */
  beginAt: string;
  endAt: string;
  state: VoteState;
  stateLabel: string;
  meetingType: VoteMeetingType;
  convener: VoteConvener;
  delayed: boolean;
}

export interface VoteDetail extends VoteListItem {
  delayReason: string | null;
  oldEndAt: string | null;
  checkNote: string | null;
  checkedAt: string | null;
  /** frozen when voting opens */
  totalAreaHundredths: string | null;
  totalPersons: number | null;
  topics: VoteTopicView[];
}

/** An owner's view of a vote: the topics and what each of the owner's houses in the scope has chosen. */
export interface OwnerVoteView extends VoteDetail {
  houses: Array<{ houseId: number; ballots: Array<{ topicId: number; choice: VoteChoice; source: BallotSource }> }>;
}

/** A row behind a number of 表决议题统计: one topic, with its vote's 编号, 小区, 范围, 起止时间, 状态. */
export interface VoteTopicListItem extends VoteListItem {
  topicId: number;
  topicSeq: number;
  topicContent: string;
  category: DecisionCategory;
  categoryLabel: string;
  /** null until counted */
  passed: boolean | null;
}

/** A row behind a number of 使用情况: one property area with its figures (its votes open the vote list filtered by area). */
export interface VoteUsageAreaRow {
  propertyAreaId: number;
  propertyAreaName: string;
  streetName: string;
  communityName: string;
  companyName: string;
  /** votes published or later, ever */
  votes: number;
  votesThisYear: number;
  houseTotal: number;
  boundHouses: number;
  boundOwners: number;
}

export enum OwnerDecisionErrorCode {
  NOT_CONVENER = 'OWNER_DECISION_NOT_CONVENER',
  CONVENER_MISMATCH = 'OWNER_DECISION_CONVENER_MISMATCH',
  END_BEFORE_BEGIN = 'OWNER_DECISION_END_BEFORE_BEGIN',
  NO_TOPICS = 'OWNER_DECISION_NO_TOPICS',
  BUILDINGS_REQUIRED = 'OWNER_DECISION_BUILDINGS_REQUIRED',
  BUILDING_NOT_OF_AREA = 'OWNER_DECISION_BUILDING_NOT_OF_AREA',
  WRONG_STATE = 'OWNER_DECISION_WRONG_STATE',
  NOT_CHECKER = 'OWNER_DECISION_NOT_CHECKER',
  NOTE_REQUIRED = 'OWNER_DECISION_NOTE_REQUIRED',
  ALREADY_EXTENDED = 'OWNER_DECISION_ALREADY_EXTENDED',
  EXTENSION_NOT_LATER = 'OWNER_DECISION_EXTENSION_NOT_LATER',
  VOTING_CLOSED = 'OWNER_DECISION_VOTING_CLOSED',
  HOUSE_OUTSIDE_SCOPE = 'OWNER_DECISION_HOUSE_OUTSIDE_SCOPE',
  ALREADY_VOTED = 'OWNER_DECISION_ALREADY_VOTED',
  TOPICS_INCOMPLETE = 'OWNER_DECISION_TOPICS_INCOMPLETE',
  PAPER_ROW_OUTSIDE_SCOPE = 'OWNER_DECISION_PAPER_ROW_OUTSIDE_SCOPE',
  PAPER_ROW_DUPLICATE = 'OWNER_DECISION_PAPER_ROW_DUPLICATE',
  SCOPE_NOT_COUNTABLE = 'OWNER_DECISION_SCOPE_NOT_COUNTABLE',
}

export const OWNER_DECISION_ERROR_MESSAGES: Record<OwnerDecisionErrorCode, string> = {
  [OwnerDecisionErrorCode.NOT_CONVENER]: '只有该小区的业主委员会或所在街道办可以发起和编辑本小区的投票',
  [OwnerDecisionErrorCode.CONVENER_MISMATCH]: '召集人与账号身份不符：街道办账号的召集人须为街道办事处，业委会账号不能以街道办事处名义召集',
  [OwnerDecisionErrorCode.END_BEFORE_BEGIN]: '结束时间须晚于开始时间',
  [OwnerDecisionErrorCode.NO_TOPICS]: '至少需要一个表决议题',
  [OwnerDecisionErrorCode.BUILDINGS_REQUIRED]: '投票范围为部分楼栋时须选择楼栋',
  [OwnerDecisionErrorCode.BUILDING_NOT_OF_AREA]: '所选楼栋不属于该小区',
  [OwnerDecisionErrorCode.WRONG_STATE]: '投票当前的状态不允许此操作',
  [OwnerDecisionErrorCode.NOT_CHECKER]: '只有该小区所在街道办可以核实投票',
  [OwnerDecisionErrorCode.NOTE_REQUIRED]: '退回时须填写核实意见',
  [OwnerDecisionErrorCode.ALREADY_EXTENDED]: '该投票已延期过一次，不能再次延期',
  [OwnerDecisionErrorCode.EXTENSION_NOT_LATER]: '延期后的结束时间须晚于原结束时间',
  [OwnerDecisionErrorCode.VOTING_CLOSED]: '该投票不在表决期内',
  [OwnerDecisionErrorCode.HOUSE_OUTSIDE_SCOPE]: '该房屋不在本次投票范围内',
  [OwnerDecisionErrorCode.ALREADY_VOTED]: '该房屋已就该议题投过票',
  [OwnerDecisionErrorCode.TOPICS_INCOMPLETE]: '表决意见须针对本次投票的议题，每个议题至多一次',
  [OwnerDecisionErrorCode.PAPER_ROW_OUTSIDE_SCOPE]: '纸质选票所填房屋不在本次投票范围内',
  [OwnerDecisionErrorCode.PAPER_ROW_DUPLICATE]: '同一房屋在本批纸质选票中出现了多次',
  [OwnerDecisionErrorCode.SCOPE_NOT_COUNTABLE]: '投票范围内的房屋无法计票（缺少面积或业主信息）',
};

/** 会议统计: votes published or later, by region; the counters are the drill-down cells' `counter` keys. */
export enum VoteMeetingCounter {
  MEETINGS = 'meetings',
  VOTING = 'voting',
  PUBLICITY = 'publicity',
  COMPLETED = 'completed',
  DELAYED = 'delayed',
  /** counted votes (询异 / 已完成) whose topics reached the 2/3 participation quorum */
  QUORUM_REACHED = 'quorumReached',
  /** counted votes: 询异 and 已完成 (the base of the rates and means) */
  COUNTED = 'counted',
  /** the counted votes' participation by area, summed in basis points (the list: counted votes anyone took part in) */
  PARTICIPATION_AREA_BP = 'participationAreaBp',
  PARTICIPATION_PERSONS_BP = 'participationPersonsBp',
}

export type VoteMeetingCounts = Record<VoteMeetingCounter, number> & {
  /** 达到参与门槛 of the counted votes, % (two decimals) */
  quorumRate: number;
  /** 平均参与率（面积）: the mean over counted votes of the share of the scope's exclusive area that voted, % (two decimals) */
  meanParticipationArea: number;
  /** 平均参与率（人数） */
  meanParticipationPersons: number;
};

export const VOTE_MEETING_STATS_COLUMNS: Array<{ key: keyof VoteMeetingCounts; label: string }> = [
  { key: VoteMeetingCounter.MEETINGS, label: '会议数' },
  { key: VoteMeetingCounter.VOTING, label: '正在表决' },
  { key: VoteMeetingCounter.PUBLICITY, label: '询异' },
  { key: VoteMeetingCounter.COMPLETED, label: '已完成' },
  { key: VoteMeetingCounter.DELAYED, label: '延期数' },
  { key: VoteMeetingCounter.QUORUM_REACHED, label: '达到参与门槛数' },
  { key: 'quorumRate', label: '达到参与门槛率' },
  { key: 'meanParticipationArea', label: '平均参与率（面积）' },
  { key: 'meanParticipationPersons', label: '平均参与率（人数）' },
];

/** 表决议题统计: the topics of counted votes (询异 / 已完成), by region. */
export enum VoteTopicCounter {
  TOPICS = 'topics',
  PASSED = 'passed',
  FAILED = 'failed',
}

export type VoteTopicCounts = Record<VoteTopicCounter, number> & {
  /** 通过率: passed / topics, % (two decimals) */
  passRate: number;
};

export const VOTE_TOPIC_STATS_COLUMNS: Array<{ key: keyof VoteTopicCounts; label: string }> = [
  { key: VoteTopicCounter.TOPICS, label: '议题数' },
  { key: VoteTopicCounter.PASSED, label: '通过' },
  { key: VoteTopicCounter.FAILED, label: '未通过' },
  { key: 'passRate', label: '通过率' },
];

/** 使用情况: the property areas by region, those that held a vote, the year's votes and the owners' bindings. */
export enum VoteUsageCounter {
  AREAS = 'areas',
  /** areas with at least one vote published or later (电子投票 is how every vote here is held) */
  USED_AREAS = 'usedAreas',
  /** votes of the year (by begin) published or later */
  VOTES_THIS_YEAR = 'votesThisYear',
  HOUSE_TOTAL = 'houseTotal',
  /** houses with at least one owner binding */
  BOUND_HOUSES = 'boundHouses',
  /** distinct owners (by ID number) bound to a house of the area */
  BOUND_OWNERS = 'boundOwners',
}

export type VoteUsageCounts = Record<VoteUsageCounter, number> & {
  /** 使用率: usedAreas / areas, % */
  usageRate: number;
  /** 绑定率: boundHouses / houseTotal, % */
  bindingRate: number;
};

export const VOTE_USAGE_STATS_COLUMNS: Array<{ key: keyof VoteUsageCounts; label: string }> = [
  { key: VoteUsageCounter.AREAS, label: '项目数' },
  { key: VoteUsageCounter.USED_AREAS, label: '使用过电子投票的项目数' },
  { key: 'usageRate', label: '使用率' },
  { key: VoteUsageCounter.VOTES_THIS_YEAR, label: '本年投票次数' },
  { key: VoteUsageCounter.BOUND_OWNERS, label: '绑定业主数' },
  { key: VoteUsageCounter.BOUND_HOUSES, label: '绑定户数' },
  { key: 'bindingRate', label: '绑定率' },
];
