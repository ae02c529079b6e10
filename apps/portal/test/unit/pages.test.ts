import { EvaluationFormType, GrantAction, OBJECTION_FORM_TYPE, ModuleKey, MODULES, type ModuleGrantSummary, QUICK_ENTRIES, type QuickEntry, Role } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { canOpen, casePagePath, menuFor, MODULE_PAGES, modulePages, QUICK_ENTRY_PAGES, quickEntryLinks } from '../../src/logic/pages';

const grant = (module: ModuleKey, ...actions: GrantAction[]): ModuleGrantSummary => ({ module, label: module, actions });
const PAGES = {
  [ModuleKey.TODOS]: [{ path: '/todos', name: '待办事项' }],
  [ModuleKey.PERMISSIONS]: [
    { path: '/permissions/staff', name: '人员列表' },
    { path: '/permissions/stats', name: '用户统计' },
  ],
};

describe('menuFor', () => {
  it('lists the viewable modules that have portal pages, in chapter order, named as in the contract', () => {
    const menu = menuFor([grant(ModuleKey.TODOS, GrantAction.VIEW, GrantAction.OPERATE), grant(ModuleKey.PERMISSIONS, GrantAction.VIEW)], PAGES);
    expect(menu.map((s) => [s.module, s.name])).toEqual([
      [ModuleKey.PERMISSIONS, '权限管理'],
      [ModuleKey.TODOS, '待办事项'],
    ]);
    expect(menu[0].pages.map((p) => p.path)).toEqual(['/permissions/staff', '/permissions/stats']);
  });

  it('leaves out modules without a view grant and modules the portal has no page for', () => {
    expect(menuFor([grant(ModuleKey.TODOS, GrantAction.OPERATE)], PAGES)).toEqual([]);
    expect(menuFor([grant(ModuleKey.NOTICES, GrantAction.VIEW), grant(ModuleKey.DISPUTES, GrantAction.VIEW)], PAGES)).toEqual([]);
    expect(menuFor([], PAGES)).toEqual([]);
  });

  it('uses the portal’s own sections by default, in chapter order, for exactly the viewable modules', () => {
    const held = [ModuleKey.NOTICES, ModuleKey.TODOS, ModuleKey.DISPUTES];
    expect(menuFor(held.map((m) => grant(m, GrantAction.VIEW))).map((s) => s.module)).toEqual(
      MODULES.map((m) => m.key).filter((m) => held.includes(m) && (MODULE_PAGES[m]?.length ?? 0) > 0),
    );
    expect(menuFor([grant(ModuleKey.TODOS, GrantAction.VIEW)]).map((s) => s.module)).toEqual([ModuleKey.TODOS]);
  });
});

describe('canOpen', () => {
  const sections = menuFor([grant(ModuleKey.TODOS, GrantAction.VIEW)], PAGES);
  it('opens pages of held modules (and their sub-pages) and pages of no module', () => {
    expect(canOpen('/todos', sections, PAGES)).toBe(true);
    expect(canOpen('/todos/cases/12', sections, PAGES)).toBe(true);
    expect(canOpen('/', sections, PAGES)).toBe(true);
    expect(canOpen('/account/password', sections, PAGES)).toBe(true);
  });
  it('refuses the pages of modules the account cannot view, but not a path that merely starts alike', () => {
    expect(canOpen('/permissions/staff', sections, PAGES)).toBe(false);
    expect(canOpen('/permissions/stats/units', sections, PAGES)).toBe(false);
    expect(canOpen('/todosx', sections, PAGES)).toBe(true);
  });
});

describe('quickEntryLinks', () => {
  const entry = (key: string, module: ModuleKey | null = ModuleKey.CREDIT): QuickEntry => ({ key, label: key, module, route: null });

  it('shows only the granted entries the portal has a page for, never 更多 itself', () => {
    const links = quickEntryLinks([entry('credit-registration'), entry('credit-report'), entry('more', null)], { 'credit-report': '/credit/report', more: '/x' });
    expect(links).toEqual({ shown: [{ key: 'credit-report', label: 'credit-report', path: '/credit/report' }], more: [] });
  });

  it('folds what is beyond the first ones under 更多', () => {
    const keys = ['a', 'b', 'c', 'd'];
    const links = quickEntryLinks(keys.map((k) => entry(k)), Object.fromEntries(keys.map((k) => [k, `/${k}`])), 3);
    expect(links.shown.map((l) => l.key)).toEqual(['a', 'b', 'c']);
    expect(links.more.map((l) => l.key)).toEqual(['d']);
  });

  it('links only the entries whose page the portal has (no link to the phone layout)', () => {
    const links = quickEntryLinks(QUICK_ENTRIES, QUICK_ENTRY_PAGES, Number.MAX_SAFE_INTEGER).shown;
    expect(links.map((l) => l.key)).toEqual(QUICK_ENTRIES.filter((e) => e.module !== null && QUICK_ENTRY_PAGES[e.key]).map((e) => e.key));
    expect(links.every((l) => l.path.startsWith('/'))).toBe(true);
    expect(quickEntryLinks(QUICK_ENTRIES, {})).toEqual({ shown: [], more: [] });
  });
});

describe('modulePages', () => {
  const page = (path: string) => ({ path, name: path });
  const sections = [
    { module: ModuleKey.PERMISSIONS, pages: [page('/permissions/staff')], routes: [] },
    { module: ModuleKey.PERMISSIONS, roles: [Role.CITY_ADMIN], pages: [page('/admin/audit')], routes: [] },
  ];

  it('merges the sections of a module and leaves out those of other roles', () => {
    expect(modulePages(sections, Role.CITY_ADMIN)[ModuleKey.PERMISSIONS]!.map((p) => p.path)).toEqual(['/permissions/staff', '/admin/audit']);
    expect(modulePages(sections, Role.DISTRICT_LEAD)[ModuleKey.PERMISSIONS]!.map((p) => p.path)).toEqual(['/permissions/staff']);
  });

  it('does not route a page of another role even when the module is viewable', () => {
    const lead = menuFor([grant(ModuleKey.PERMISSIONS, GrantAction.VIEW)], modulePages(sections, Role.DISTRICT_LEAD));
    expect(canOpen('/permissions/staff', lead, modulePages(sections))).toBe(true);
    expect(canOpen('/admin/audit', lead, modulePages(sections))).toBe(false);
    expect(canOpen('/admin/audit/3', lead, modulePages(sections))).toBe(false);
  });
});

describe('casePagePath', () => {
  it('sends a form to the page of the module that handles it, and no page for a form nobody handles on PC', () => {
    expect(casePagePath(EvaluationFormType.BAD_RECORD_DETERMINATION, 5)).toBe('/evaluation/cases/5');
    expect(casePagePath(OBJECTION_FORM_TYPE, 6)).toBe('/evaluation/cases/6');
    expect(casePagePath('PROPERTY_AREA_CHANGE', 8)).toBe('/property-areas/submitted/8');
    expect(casePagePath('NO_SUCH_FORM', 7)).toBeNull();
  });
});
