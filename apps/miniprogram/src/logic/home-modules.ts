import { GrantAction, MODULE_BY_KEY, ModuleGrantSummary, ModuleKey, TodoCounts } from '@szpm/contract';
import { MODULE_ROUTES, RoutePath } from '../routes';

export interface HomeTile {
  module: ModuleKey;
  label: string;
  route: RoutePath;
  /** the todo badge (0: none) */
  badge: number;
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
      tiles.push({ module: m.module, label: m.label, route, badge: badgeOf(m.module, counts), canOperate: m.actions.includes(GrantAction.OPERATE) });
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
