import { GrantAction, ModuleGrantSummary, ModuleKey, MODULE_BY_KEY, MODULES, QuickEntry, type Role } from '@szpm/contract';
import { SECTIONS, type PortalSection } from '../sections';

/** A page of the portal that appears in the left menu (router paths, below the /portal basename). */
export interface MenuPage {
  path: string;
  name: string;
}

type ModulePages = Partial<Record<ModuleKey, readonly MenuPage[]>>;

/** The menu pages per module of the sections a role sees (without a role: every section's). */
export function modulePages(sections: readonly PortalSection[] = SECTIONS, role?: Role): ModulePages {
  const pages: Partial<Record<ModuleKey, MenuPage[]>> = {};
  for (const section of sections) {
    if (role !== undefined && section.roles && !section.roles.includes(role)) continue;
    (pages[section.module] ??= []).push(...section.pages);
  }
  return pages;
}

/** The portal's pages per module: a module appears in the menu only once it has a page here. */
export const MODULE_PAGES: ModulePages = modulePages();

/**
 * The portal page each quick entry (功能快捷入口) opens. An entry whose page the portal does not
 * have yet is not shown (it does not lead to the phone layout instead).
 */
export const QUICK_ENTRY_PAGES: Readonly<Record<string, string>> = Object.assign({}, ...SECTIONS.map((s) => s.quickEntries ?? {}));

const CASE_PAGES: Readonly<Record<string, (caseId: number) => string>> = Object.assign({}, ...SECTIONS.map((s) => s.casePages ?? {}));

/** Where a form of this type is handled (办理: 审核信息 and the decision), or null when its module has no such page. */
export function casePagePath(formType: string, caseId: number): string | null {
  return CASE_PAGES[formType]?.(caseId) ?? null;
}

export interface MenuSection {
  module: ModuleKey;
  name: string;
  pages: MenuPage[];
}

/** The left menu: the modules the account may view, in the manual's chapter order, that have portal pages. */
export function menuFor(modules: readonly ModuleGrantSummary[], pages: ModulePages = MODULE_PAGES): MenuSection[] {
  const viewable = new Set(modules.filter((m) => m.actions.includes(GrantAction.VIEW)).map((m) => m.module));
  return MODULES.filter((m) => viewable.has(m.key) && (pages[m.key]?.length ?? 0) > 0).map((m) => ({
    module: m.key,
    name: MODULE_BY_KEY[m.key].label,
    pages: [...pages[m.key]!],
  }));
}

/**
 * Whether the account may open a path of the portal: a path under a menu page (of any section) opens
 * only when that page is in the account's menu; paths under no menu page (home, my account) always do.
 */
export function canOpen(path: string, menu: readonly MenuSection[], pages: ModulePages = MODULE_PAGES): boolean {
  const under = (p: MenuPage) => path === p.path || path.startsWith(`${p.path}/`);
  const owners = Object.values(pages).flatMap((list) => list!.filter(under));
  return owners.length === 0 || menu.some((s) => s.pages.some(under));
}

/** How many quick entries the header shows before 更多 folds the rest away. */
export const QUICK_ENTRIES_SHOWN = 6;

export interface QuickEntryLink {
  key: string;
  label: string;
  path: string;
}

/**
 * The quick entries of the header: those the api granted (GET /api/auth/me already filtered them by
 * the account's grants) that open a portal page; the first few shown, the rest under 更多.
 */
export function quickEntryLinks(
  entries: readonly QuickEntry[],
  pages: Readonly<Record<string, string>> = QUICK_ENTRY_PAGES,
  shown = QUICK_ENTRIES_SHOWN,
): { shown: QuickEntryLink[]; more: QuickEntryLink[] } {
  const links = entries.filter((e) => e.module !== null && pages[e.key]).map((e) => ({ key: e.key, label: e.label, path: pages[e.key] }));
  return { shown: links.slice(0, shown), more: links.slice(shown) };
}
