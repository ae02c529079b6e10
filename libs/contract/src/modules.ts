import { Role } from './roles';

/** One key per manual chapter (../shared/spec/chapters.md); module grants are given per key. */
export enum ModuleKey {
  IDENTITY = 'identity',
  AUTH = 'auth',
  PERMISSIONS = 'permissions',
  TODOS = 'todos',
  PROPERTY_AREAS = 'property-areas',
  FILINGS = 'filings',
  SERVICE_EVALUATION = 'service-evaluation',
  CREDIT = 'credit',
  OWNER_EVALUATIONS = 'owner-evaluations',
  OWNER_DECISIONS = 'owner-decisions',
  COMMON_FUNDS = 'common-funds',
  PRACTITIONERS = 'practitioners',
  PARKING = 'parking',
  DISCLOSURES = 'disclosures',
  NOTICES = 'notices',
  SAFETY_INSPECTIONS = 'safety-inspections',
  TRAINING = 'training',
  SAFE_COMMUNITY = 'safe-community',
  COMMUNITY_EVALUATIONS = 'community-evaluations',
  GREEN_PROPERTY = 'green-property',
  WEATHER_BOARD = 'weather-board',
  DISPUTES = 'disputes',
}

/** view: read the module's pages; operate: act in it (enter, handle, publish, urge, manage). */
export enum GrantAction {
  VIEW = 'view',
  OPERATE = 'operate',
}

export interface ModuleInfo {
  key: ModuleKey;
  chapter: number;
  label: string;
  /** 部分模块的权限需要市局相关负责人赋权: only a city account may give these grants. */
  cityGrantOnly: boolean;
}

export const MODULES: readonly ModuleInfo[] = [
  { key: ModuleKey.IDENTITY, chapter: 1, label: '身份绑定', cityGrantOnly: false },
  { key: ModuleKey.AUTH, chapter: 2, label: 'PC端登录', cityGrantOnly: false },
  { key: ModuleKey.PERMISSIONS, chapter: 3, label: '权限管理', cityGrantOnly: false },
  { key: ModuleKey.TODOS, chapter: 4, label: '待办事项', cityGrantOnly: false },
  { key: ModuleKey.PROPERTY_AREAS, chapter: 5, label: '项目管理', cityGrantOnly: false },
  { key: ModuleKey.FILINGS, chapter: 6, label: '备案情况', cityGrantOnly: false },
  { key: ModuleKey.SERVICE_EVALUATION, chapter: 7, label: '物业服务评价', cityGrantOnly: true },
  { key: ModuleKey.CREDIT, chapter: 8, label: '信用信息', cityGrantOnly: true },
  { key: ModuleKey.OWNER_EVALUATIONS, chapter: 9, label: '业主评价情况', cityGrantOnly: false },
  { key: ModuleKey.OWNER_DECISIONS, chapter: 10, label: '业主决策情况', cityGrantOnly: false },
  { key: ModuleKey.COMMON_FUNDS, chapter: 11, label: '共有资金', cityGrantOnly: true },
  { key: ModuleKey.PRACTITIONERS, chapter: 12, label: '从业人员信息', cityGrantOnly: false },
  { key: ModuleKey.PARKING, chapter: 13, label: '车位信息', cityGrantOnly: false },
  { key: ModuleKey.DISCLOSURES, chapter: 14, label: '信息公开', cityGrantOnly: false },
  { key: ModuleKey.NOTICES, chapter: 15, label: '通知发布', cityGrantOnly: false },
  { key: ModuleKey.SAFETY_INSPECTIONS, chapter: 16, label: '安全检查', cityGrantOnly: false },
  { key: ModuleKey.TRAINING, chapter: 17, label: '宣传培训', cityGrantOnly: false },
  { key: ModuleKey.SAFE_COMMUNITY, chapter: 18, label: '平安建设', cityGrantOnly: true },
  { key: ModuleKey.COMMUNITY_EVALUATIONS, chapter: 19, label: '街道社区评价', cityGrantOnly: true },
  { key: ModuleKey.GREEN_PROPERTY, chapter: 20, label: '绿色物业信息', cityGrantOnly: true },
  { key: ModuleKey.WEATHER_BOARD, chapter: 21, label: '小区气象公告栏', cityGrantOnly: false },
  { key: ModuleKey.DISPUTES, chapter: 22, label: '纠纷化解台账', cityGrantOnly: false },
];

export const MODULE_BY_KEY: Record<ModuleKey, ModuleInfo> = Object.fromEntries(
  MODULES.map((m) => [m.key, m]),
) as Record<ModuleKey, ModuleInfo>;

export interface GrantDto {
  module: ModuleKey;
  action: GrantAction;
}

const all = (action: GrantAction, keys: ModuleKey[]): GrantDto[] => keys.map((module) => ({ module, action }));
const DISTRICT_COMMON = [
  ModuleKey.PERMISSIONS,
  ModuleKey.TODOS,
  ModuleKey.PROPERTY_AREAS,
  ModuleKey.FILINGS,
  ModuleKey.OWNER_EVALUATIONS,
  ModuleKey.OWNER_DECISIONS,
  ModuleKey.PRACTITIONERS,
  ModuleKey.PARKING,
  ModuleKey.DISCLOSURES,
  ModuleKey.NOTICES,
  ModuleKey.SAFETY_INSPECTIONS,
  ModuleKey.TRAINING,
  ModuleKey.WEATHER_BOARD,
  ModuleKey.DISPUTES,
];

/**
 * Grants an account receives when it is created. City-only modules are never in a district
 * template: a city account grants them explicitly.
 */
export const ROLE_DEFAULT_GRANTS: Record<Role, GrantDto[]> = {
  [Role.CITY_ADMIN]: [...all(GrantAction.VIEW, MODULES.map((m) => m.key)), ...all(GrantAction.OPERATE, MODULES.map((m) => m.key))],
  // 市局相关经办人 review the districts' property-area edits (chapter 5: 需市局相关经办人审核后生效)
  [Role.CITY_OFFICER]: [...all(GrantAction.VIEW, MODULES.map((m) => m.key)), ...all(GrantAction.OPERATE, [ModuleKey.PROPERTY_AREAS])],
  [Role.DISTRICT_LEAD]: [...all(GrantAction.VIEW, DISTRICT_COMMON), ...all(GrantAction.OPERATE, DISTRICT_COMMON)],
  // the supervisor reviews the 项目登记 / 项目经理变更 the companies file (chapter 5, 审批列表)
  [Role.DISTRICT_SUPERVISOR]: [...all(GrantAction.VIEW, DISTRICT_COMMON), ...all(GrantAction.OPERATE, [ModuleKey.TODOS, ModuleKey.PROPERTY_AREAS, ModuleKey.DISPUTES])],
  // 区经办人 manual, chapter 3: the handler sends 催绑 from 用户统计 (managing accounts stays with leads, by role)
  [Role.DISTRICT_HANDLER]: [
    ...all(GrantAction.VIEW, DISTRICT_COMMON),
    ...all(GrantAction.OPERATE, [ModuleKey.PERMISSIONS, ModuleKey.TODOS, ModuleKey.PROPERTY_AREAS, ModuleKey.NOTICES, ModuleKey.SAFETY_INSPECTIONS, ModuleKey.DISPUTES]),
    // chapters 12 / 13: the handler sends 提醒更新 to the project managers (manual: 点击"提醒更新"按钮)
    ...all(GrantAction.OPERATE, [ModuleKey.PRACTITIONERS, ModuleKey.PARKING]),
  ],
  // street offices read their street's property areas (chapter 5), the scoped door keeps them to it
  // and the statistics of chapters 12 / 13 for their street (共有资金 is city-granted: see the seeds)
  [Role.STREET_OFFICER]: all(GrantAction.VIEW, [ModuleKey.TODOS, ModuleKey.PROPERTY_AREAS, ModuleKey.DISPUTES, ModuleKey.PRACTITIONERS, ModuleKey.PARKING, ModuleKey.OWNER_DECISIONS]).concat(all(GrantAction.OPERATE, [ModuleKey.DISPUTES, ModuleKey.OWNER_DECISIONS])),
  [Role.PROPERTY_COMPANY]: [],
  [Role.PROJECT_MANAGER]: [],
  [Role.OWNERS_COMMITTEE]: [],
};

/** The PC home's quick entries (功能快捷入口) and the API route each opens. */
export interface QuickEntry {
  key: string;
  label: string;
  module: ModuleKey | null;
  /**
   * `METHOD /api/path` of the route the entry's page starts with: the API shows the entry to exactly
   * those the route's door (roles and module grant) admits. null: 更多, which only unfolds the list,
   * or a chapter not built yet, whose entry is not shown.
   */
  route: string | null;
}

export const QUICK_ENTRIES: readonly QuickEntry[] = [
  // chapter 10 is not built yet
  { key: 'owner-decision-management', label: '微信决策管理', module: ModuleKey.OWNER_DECISIONS, route: null },
  { key: 'credit-registration', label: '诚信登记', module: ModuleKey.CREDIT, route: 'POST /api/credit/records' },
  // chapter 6 is not built yet
  { key: 'report-stage', label: '制定报表阶段', module: ModuleKey.FILINGS, route: null },
  { key: 'credit-report', label: '诚信报表', module: ModuleKey.CREDIT, route: 'GET /api/credit/subjects' },
  { key: 'report-statistics', label: '报表统计', module: ModuleKey.FILINGS, route: null },
  { key: 'launch-safety-inspection', label: '发起安全检查', module: ModuleKey.SAFETY_INSPECTIONS, route: 'POST /api/safety-inspections' },
  // 更多 unfolds these (manual, chapters 5, 15 and 16: 「在右侧快捷入口里找到…“物业区域管理”」, 「PC端快捷入口，点击“通知发布”」, 「点击“安全生产检查库”」)
  { key: 'property-area-management', label: '物业区域管理', module: ModuleKey.PROPERTY_AREAS, route: 'GET /api/property-areas' },
  { key: 'publish-notice', label: '通知发布', module: ModuleKey.NOTICES, route: 'POST /api/notices' },
  { key: 'safety-check-library', label: '安全生产检查库', module: ModuleKey.SAFETY_INSPECTIONS, route: 'GET /api/safety-inspections/templates' },
  // manual chapter 11: 「在右侧快捷入口里找到共有资金的相关功能菜单」
  { key: 'common-funds', label: '共有资金', module: ModuleKey.COMMON_FUNDS, route: 'GET /api/common-funds/statistics' },
  // manual chapter 12: 「在右侧快捷入口里找到“从业人员信息”按钮」
  { key: 'practitioners', label: '从业人员信息', module: ModuleKey.PRACTITIONERS, route: 'GET /api/practitioners/statistics' },
  // manual chapter 13: 「在右侧快捷入口里找到车位信息统计的相关功能菜单」
  { key: 'parking-statistics', label: '车位信息统计', module: ModuleKey.PARKING, route: 'GET /api/parking/statistics' },
  { key: 'more', label: '更多', module: null, route: null },
];
