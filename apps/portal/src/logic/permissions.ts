import {
  DEFAULT_URGE_COOLDOWN_HOURS,
  GrantAction,
  type GrantDto,
  type MeResponse,
  MODULES,
  ModuleKey,
  rate,
  Role,
  type UnitCategory,
  type UnitCategoryStats,
  type UrgeBindingResult,
  urgeSummary,
} from '@szpm/contract';

/** Who administers accounts and grants: district leads (their district) and city admins (everyone) holding the permissions module's operate grant. */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = [Role.CITY_ADMIN, Role.DISTRICT_LEAD];

export function canManageAccounts(me: Pick<MeResponse, 'role' | 'modules'> | null): boolean {
  if (!me || !ACCOUNT_ADMIN_ROLES.includes(me.role)) return false;
  return me.modules.some((m) => m.module === ModuleKey.PERMISSIONS && m.actions.includes(GrantAction.OPERATE));
}

/** 催绑 needs the permissions module's operate grant (leads, handlers, admins). */
export function canUrgeBinding(me: Pick<MeResponse, 'modules'> | null): boolean {
  return Boolean(me?.modules.some((m) => m.module === ModuleKey.PERMISSIONS && m.actions.includes(GrantAction.OPERATE)));
}

export const GRANT_ACTION_LABELS: Record<GrantAction, string> = {
  [GrantAction.VIEW]: '查看',
  [GrantAction.OPERATE]: '操作',
};

export interface GrantRow {
  module: ModuleKey;
  label: string;
  chapter: number;
  /** only a city account may give or take it (部分模块的权限需要市局相关负责人赋权) */
  cityGrantOnly: boolean;
  view: boolean;
  operate: boolean;
}

/** One row per module of the platform, with the grants the account holds ticked. */
export function grantRows(grants: readonly GrantDto[]): GrantRow[] {
  const held = new Set(grants.map((g) => `${g.module}:${g.action}`));
  return MODULES.map((m) => ({
    module: m.key,
    label: m.label,
    chapter: m.chapter,
    cityGrantOnly: m.cityGrantOnly,
    view: held.has(`${m.key}:${GrantAction.VIEW}`),
    operate: held.has(`${m.key}:${GrantAction.OPERATE}`),
  }));
}

/** The numbers of a 用户统计 row that open a list, and the list behind each. */
export type StatsCounter = 'allUnits' | 'unitsWithoutAccount' | 'accountTotal' | 'bound' | 'unbound';

export type DrillDown =
  | { kind: 'units'; category: UnitCategory; filter: 'all' | 'without-account'; title: string }
  | { kind: 'accounts'; category: UnitCategory; bound: boolean | undefined; title: string };

export const STATS_COUNTER_LABELS: Record<StatsCounter, string> = {
  allUnits: '全部单位',
  unitsWithoutAccount: '未开设单位',
  accountTotal: '账户总数',
  bound: '已绑定',
  unbound: '未绑定',
};

export function drillDownOf(row: Pick<UnitCategoryStats, 'category' | 'label'>, counter: StatsCounter): DrillDown {
  const title = `${row.label} · ${STATS_COUNTER_LABELS[counter]}`;
  switch (counter) {
    case 'allUnits':
      return { kind: 'units', category: row.category, filter: 'all', title };
    case 'unitsWithoutAccount':
      return { kind: 'units', category: row.category, filter: 'without-account', title };
    case 'accountTotal':
      return { kind: 'accounts', category: row.category, bound: undefined, title };
    case 'bound':
      return { kind: 'accounts', category: row.category, bound: true, title };
    case 'unbound':
      return { kind: 'accounts', category: row.category, bound: false, title };
  }
}

/** 绑定率: bound accounts of all accounts, as every percentage of the platform (rate()). */
export const bindingRate = (row: Pick<UnitCategoryStats, 'bound' | 'accountTotal'>): number => rate(row.bound, row.accountTotal);

/** The 合计 row under the categories. */
export function statsTotal(rows: readonly UnitCategoryStats[]): Omit<UnitCategoryStats, 'category' | 'label'> {
  const sum = (key: keyof Omit<UnitCategoryStats, 'category' | 'label'>) => rows.reduce((n, r) => n + r[key], 0);
  return { allUnits: sum('allUnits'), unitsWithoutAccount: sum('unitsWithoutAccount'), accountTotal: sum('accountTotal'), bound: sum('bound'), unbound: sum('unbound') };
}

/** The toast after 催绑: "已催绑 12 人，3 人 24 小时内已催绑过，2 人已绑定微信". */
export function urgeBindingMessage(result: UrgeBindingResult): string {
  const summary = urgeSummary(result, { verb: '催绑', cooldownHours: DEFAULT_URGE_COOLDOWN_HOURS });
  return result.skippedAlreadyBound ? `${summary}，${result.skippedAlreadyBound} 人已绑定微信` : summary;
}

/** The roles an administrator may create: a district lead those of the district, a city admin every one (the api decides; this only fills the choice). */
export function creatableRoles(role: Role): Role[] {
  if (role === Role.CITY_ADMIN) return Object.values(Role);
  if (role === Role.DISTRICT_LEAD) return [Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER, Role.STREET_OFFICER, Role.PROPERTY_COMPANY, Role.PROJECT_MANAGER, Role.OWNERS_COMMITTEE];
  return [];
}
