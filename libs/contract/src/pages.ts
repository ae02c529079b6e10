/**
 * Every page of the mini-program (the same paths in its weapp and H5 builds), and the links the
 * server puts in WeChat messages and inbox rows. The mini-program's `app.config.ts` lists exactly
 * these pages (a test checks both ways), so a link can only name a page that exists.
 */
export const PAGES = {
  launch: '/pages/index/index',
  login: '/pages/login/index',
  bind: '/pages/bind/index',
  home: '/pages/home/index',
  /** 我的消息: every account's in-app messages, each opening the page its link names */
  messages: '/packages/messages/index',
  todos: '/packages/todos/index',
  case: '/packages/workflow/case/index',
  evaluation: '/packages/evaluation/index',
  evaluationWork: '/packages/evaluation/work/index',
  badRecordEntry: '/packages/evaluation/bad-record-entry/index',
  riskListEntry: '/packages/evaluation/risk-entry/index',
  caseQuery: '/packages/evaluation/cases/index',
  scores: '/packages/evaluation/scores/index',
  scoreDetail: '/packages/evaluation/score-detail/index',
  records: '/packages/evaluation/records/index',
  recordDetail: '/packages/evaluation/record-detail/index',
  withdrawal: '/packages/evaluation/withdrawal/index',
  objectionDetail: '/packages/evaluation/objection/index',
  /** 信息公示 (物业服务评价信息查询): the public bad-record and risk lists, no login needed */
  publicity: '/packages/publicity/index',
  delegations: '/packages/delegations/index',
  delegationCreate: '/packages/delegations/create/index',
  permissions: '/packages/permissions/index',
  staffDetail: '/packages/permissions/staff/index',
  bindingStats: '/packages/permissions/stats/index',
  statsUnits: '/packages/permissions/units/index',
  statsAccounts: '/packages/permissions/accounts/index',
  myAccount: '/packages/permissions/account/index',
  notices: '/packages/notices/index',
  noticePublish: '/packages/notices/publish/index',
  noticeDetail: '/packages/notices/detail/index',
  noticeStatistics: '/packages/notices/statistics/index',
  receivedNotice: '/packages/notices/received/index',
  safety: '/packages/safety/index',
  safetyLaunch: '/packages/safety/launch/index',
  safetyStats: '/packages/safety/stats/index',
  safetyOverview: '/packages/safety/overview/index',
  /** the project manager's 我的安全检查: the inspection tasks of their property areas */
  safetyTasks: '/packages/safety/tasks/index',
  /** one property area's inspection task: the checklist a project manager fills in and submits */
  safetyTask: '/packages/safety/task/index',
  /** 项目管理 (chapter 5): 本区项目统计 and the district's project list */
  propertyAreas: '/packages/property-areas/index',
  /** one property area's detail with its six tabs (?id=, optional ?tab=) */
  propertyAreaDetail: '/packages/property-areas/detail/index',
  /** 业主共有资金 (chapter 11): 共有资金账户统计 and 共享银行统计 */
  commonFunds: '/packages/common-funds/index',
  /** 我的项目 (project managers, property companies): their projects and 我的申请 (?tab=applications) */
  myProjects: '/packages/my-projects/index',
  /** 项目登记: a new project, or (?areaId=) the update of an own one */
  projectRegistration: '/packages/my-projects/register/index',
  /** 项目经理变更 of an own project (?areaId=) */
  managerChange: '/packages/my-projects/manager-change/index',
  /** 从业人员 of an own project (?areaId=): the project manager's roster (chapter 12) */
  roster: '/packages/my-projects/roster/index',
  /** 添加 / 修改 a practitioner of an own project (?areaId=, ?id= to edit): certificates, 标记离职 */
  rosterEdit: '/packages/my-projects/roster/edit/index',
  /** 从业人员信息 (chapter 12, officers): statistics by region, company table, 提醒更新 */
  practitioners: '/packages/practitioners/index',
  /** 车位信息 (chapter 13, officers): 车位信息统计情况 and 住宅小区车位纠纷类型情况 by region, 提醒更新 */
  parking: '/packages/parking/index',
  /** 车位信息填报 of an own project (?areaId=): the project manager's filing (chapter 13) */
  parkingFiling: '/packages/my-projects/parking/index',
  /** 共有资金账户 of an own project (?areaId=): the project manager registers the 共管账户, the owners' committee the 基本账户 (chapter 11) */
  commonFundRegistration: '/packages/my-projects/common-funds/index',
  /** 纠纷化解台账 (chapter 22): 总台账 with search (?ledger=unfinished|finished|all), district and street officers */
  disputes: '/packages/disputes/index',
  /** 录入矛盾纠纷件 (district officers; ?id= to 修改 a case): address, business, 信访, attachments, 办理时限, the duplicate warning */
  disputeEntry: '/packages/disputes/entry/index',
  /** 查看 a case (?id=): 基础信息 and 历程, with the caller's 转办 / 处理 / 审核 / 修改 / 退回 */
  disputeDetail: '/packages/disputes/detail/index',
  /** 处理 a case (?id=): 处置方式, 处置情况, 答复日期, 化解疏导情况, 存在问题, attachments → 办结 */
  disputeHandle: '/packages/disputes/handle/index',
  /** 我的小区 (owners, chapter 1): the owner's WeChat sign-in, bound houses, 业主评价 and 业主身份绑定 */
  ownerHome: '/packages/owner/index',
  /** 业主身份绑定: name + ID number (or 不动产单元号) + the registered phone's SMS code */
  ownerBind: '/packages/owner/bind/index',
  /** 业主评价 of one bound house (?houseId=&target=PROPERTY|COMMITTEE): this month's form, or what was submitted */
  ownerEvaluate: '/packages/owner/evaluate/index',
  /** 我的评价: the owner's evaluations with the replies */
  ownerEvaluations: '/packages/owner/evaluations/index',
  /** 业主评价情况 (chapter 9, officers): 评价排名 and 评价统计 with drill-down, 不满意原因 and 催办 */
  ownerEvaluationStats: '/packages/owner-evaluations/index',
  /** 评价明细 of a project, company or committee (?target=&propertyAreaId= | companyId=, ?year=&month=&stars=) */
  ownerEvaluationRecords: '/packages/owner-evaluations/records/index',
  /** 业主评价回复 (project managers, companies, owners' committees): evaluations of their own areas to reply to */
  evaluationReplies: '/packages/owner-evaluations/replies/index',
  /** 业主投票 (owners, chapter 10): the votes whose scope holds one of the owner's bound houses */
  ownerVotes: '/packages/owner/votes/index',
  /** one vote for the owner (?id=): the topics, 同意 / 不同意 / 弃权 per topic and house while voting, the result from 询异 on */
  ownerVote: '/packages/owner/vote/index',
  /** 业主决策情况 (chapter 10, officers): 使用情况, 会议统计 and 表决议题统计 with drill-down; every number opens its list */
  ownerDecisionStats: '/packages/owner-decisions/index',
  /** 投票列表: the scoped votes (?state=&propertyAreaId=), or those behind one number (?table=usage|meetings|topics&counter=&regionId=&districtId=…) */
  ownerDecisionVotes: '/packages/owner-decisions/votes/index',
  /** one vote for officers and conveners (?id=): topics, results, and the caller's 提交 / 核实 / 延期 / 纸质选票 */
  ownerDecisionVote: '/packages/owner-decisions/vote/index',
  /** 发起投票 (owners' committee, street office; ?areaId= to start, ?id= to edit a draft): topics with categories, scope, start and end */
  ownerDecisionEdit: '/packages/owner-decisions/edit/index',
  /** 纸质选票录入 of a vote while voting (?id=): house, paper number and a choice per topic, row by row */
  ownerDecisionPaperBallots: '/packages/owner-decisions/paper-ballots/index',
} as const;

export type PageKey = keyof typeof PAGES;
export type PagePath = (typeof PAGES)[PageKey];

/** Query values a page reads; undefined and null are left out. */
export type PageQueryValue = string | number | boolean | null | undefined;

/** A page path with its query string, as `wx.navigateTo` and the H5 hash router take it. */
export function pageLink(path: PagePath, params?: Record<string, PageQueryValue>): string {
  const query = Object.entries(params ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** The links the server sends: each opens the page that shows the matter to its recipient. */
export const MESSAGE_LINKS = {
  /** a notice as its recipient reads it (我接收的消息) */
  receivedNotice: (noticeId: number) => pageLink(PAGES.receivedNotice, { id: noticeId }),
  /** an inspection's task list of a project manager (我的安全检查), opened at that inspection */
  safetyTasks: (inspectionId?: number) => pageLink(PAGES.safetyTasks, { inspectionId }),
  /** an objection as its filing unit follows it */
  objectionDetail: (objectionId: number) => pageLink(PAGES.objectionDetail, { id: objectionId }),
  /** 催办 开设共有资金账户: the recipient's own projects, whose detail shows the 共有资金信息 tab */
  commonFundOpening: () => pageLink(PAGES.myProjects),
  /** 身份认证: bind the WeChat identity to the preset account */
  bind: () => pageLink(PAGES.bind),
  /** 提醒更新 of chapter 12: the project manager's projects, where each opens its 从业人员 roster */
  practitionerRoster: () => pageLink(PAGES.myProjects),
  /** 提醒更新 of chapter 13: the project manager's 车位信息填报 (their projects, each with its filing) */
  parkingFiling: () => pageLink(PAGES.myProjects),
  /** a dispute case as its holder opens it (转办 to a street, a deadline reminder) */
  disputeDetail: (disputeId: number) => pageLink(PAGES.disputeDetail, { id: disputeId }),
  /** 催办 of chapter 9: the recipient's evaluations waiting for a reply (the month urged) */
  evaluationReplies: (month?: string) => pageLink(PAGES.evaluationReplies, { month }),
} as const;

/** The page path of a link (its query string removed). */
export function pagePathOf(link: string): string {
  return link.split('?')[0];
}

/** True when a link names one of the app's pages. */
export function isPageLink(link: string): boolean {
  return (Object.values(PAGES) as string[]).includes(pagePathOf(link));
}

/** The H5 build is served at `/m/` with a hash router: `https://host/m/#/packages/...`. */
export const H5_BASE_PATH = '/m/';

export function h5Url(publicBaseUrl: string, link: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${H5_BASE_PATH}#${link}`;
}
