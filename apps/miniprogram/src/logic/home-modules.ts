import { GrantAction, MODULE_BY_KEY, ModuleGrantSummary, ModuleKey, Role, TodoCounts } from '@szpm/contract';
import { MODULE_ROUTES, ROUTES, RoutePath } from '../routes';

export interface HomeTile {
  module: ModuleKey;
  label: string;
  route: RoutePath;
  /** the todo badge (0: none) */
  badge: number;
  /** of the badge's items, those past their deadline (待办事项: 矛盾纠纷件 past their 办理时限) */
  overdue: number;
  canOperate: boolean;
}

export interface HomeModules {
  /** the grid: modules this account holds that have a WeChat page here, in manual order */
  tiles: HomeTile[];
  /** other modules the account holds (their pages are on the PC side or in later releases) */
  others: string[];
}

/** Which todo count each menu shows as its badge. */
function badgeOf(module: ModuleKey, counts: TodoCounts | null): number {
  if (!counts) return 0;
  if (module === ModuleKey.TODOS) return counts.pending;
  // 我的工作: applications to accept and forms waiting to be handled
  if (module === ModuleKey.SERVICE_EVALUATION) return counts.toAccept + counts.pending;
  return 0;
}

/** 物业服务 home: the modules the account holds (from login or /auth/me), with badges. */
export function homeModules(modules: ModuleGrantSummary[], counts: TodoCounts | null): HomeModules {
  const held = modules
    .filter((m) => m.actions.includes(GrantAction.VIEW) || m.actions.includes(GrantAction.OPERATE))
    .sort((a, b) => (MODULE_BY_KEY[a.module]?.chapter ?? 99) - (MODULE_BY_KEY[b.module]?.chapter ?? 99));
  const tiles: HomeTile[] = [];
  const others: string[] = [];
  for (const m of held) {
    const route = MODULE_ROUTES[m.module];
    if (route) {
      tiles.push({ module: m.module, label: m.label, route, badge: badgeOf(m.module, counts), overdue: m.module === ModuleKey.TODOS ? (counts?.overdue ?? 0) : 0, canOperate: m.actions.includes(GrantAction.OPERATE) });
    } else if (m.module !== ModuleKey.IDENTITY && m.module !== ModuleKey.AUTH) {
      others.push(m.label);
    }
  }
  return { tiles, others };
}

/** Badge text: nothing for 0, 99+ above 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function holds(modules: ModuleGrantSummary[], module: ModuleKey, action: GrantAction): boolean {
  return modules.some((m) => m.module === module && m.actions.includes(action));
}

/** The home's own entries that are not module grants: every account's inbox, a project manager's tasks. */
export enum PersonalEntry {
  INBOX = 'inbox',
  SAFETY_TASKS = 'safety-tasks',
  /** 我的项目 (chapter 5): a counterpart's projects, 项目登记 / 项目经理变更 and 我的申请 */
  MY_PROJECTS = 'my-projects',
  /** 业主评价回复 (chapter 9): the owners' evaluations of the own areas, to reply to */
  EVALUATION_REPLIES = 'evaluation-replies',
  /** 业主投票管理 (chapter 10): the conveners' votes — 发起, 提交, 核实, 延期, 纸质选票录入 */
  VOTE_MANAGEMENT = 'vote-management',
}

/** A tile of the home: a module the account holds, or one of its personal entries. */
export type HomeEntryKey = ModuleKey | PersonalEntry;

export interface PersonalTile {
  key: PersonalEntry;
  label: string;
  route: RoutePath;
  /** unread messages / inspection tasks not yet submitted (0: none) */
  badge: number;
}

export interface PersonalCounts {
  unreadMessages: number;
  openSafetyTasks: number;
}

/** Roles whose property areas receive the inspection tasks of 安全检查 (chapter 16). */
const SAFETY_TASK_ROLES: readonly Role[] = [Role.PROJECT_MANAGER];

export function receivesSafetyTasks(role: Role): boolean {
  return SAFETY_TASK_ROLES.includes(role);
}

/** Roles that run projects and file 项目登记 / 项目经理变更 for them (chapter 5, counterpart side). */
const PROJECT_ROLES: readonly Role[] = [Role.PROJECT_MANAGER, Role.PROPERTY_COMPANY];

export function runsProjects(role: Role): boolean {
  return PROJECT_ROLES.includes(role);
}

/** Roles the owners rate (chapter 9): the property service through its project manager or company, the owners' committee. */
const EVALUATED_ROLES: readonly Role[] = [Role.PROJECT_MANAGER, Role.PROPERTY_COMPANY, Role.OWNERS_COMMITTEE];

export function repliesToEvaluations(role: Role): boolean {
  return EVALUATED_ROLES.includes(role);
}

/** Roles that convene the owners (chapter 10): the owners' committee account, the street office. */
const CONVENER_ROLES: readonly Role[] = [Role.OWNERS_COMMITTEE, Role.STREET_OFFICER];

export function convenesOwners(role: Role): boolean {
  return CONVENER_ROLES.includes(role);
}

/**
 * 我的: what every account receives, whatever its grants — 我的消息 (notices, 催办, task and objection
 * messages) for all, 我的检查任务 for project managers, 我的项目 for project managers and property
 * companies, 业主评价回复 for the evaluated (project managers, companies, owners' committees), 业主投票管理 for the conveners (owners' committees, street offices). A recipient's home is never empty.
 */
export function personalTiles(role: Role, counts: PersonalCounts | null): PersonalTile[] {
  const tiles: PersonalTile[] = [{ key: PersonalEntry.INBOX, label: '我的消息', route: ROUTES.messages, badge: counts?.unreadMessages ?? 0 }];
  if (receivesSafetyTasks(role)) tiles.push({ key: PersonalEntry.SAFETY_TASKS, label: '我的检查任务', route: ROUTES.safetyTasks, badge: counts?.openSafetyTasks ?? 0 });
  if (runsProjects(role)) tiles.push({ key: PersonalEntry.MY_PROJECTS, label: '我的项目', route: ROUTES.myProjects, badge: 0 });
  if (repliesToEvaluations(role)) tiles.push({ key: PersonalEntry.EVALUATION_REPLIES, label: '业主评价回复', route: ROUTES.evaluationReplies, badge: 0 });
  if (convenesOwners(role)) tiles.push({ key: PersonalEntry.VOTE_MANAGEMENT, label: '业主投票管理', route: ROUTES.ownerDecisionVotes, badge: 0 });
  return tiles;
}
