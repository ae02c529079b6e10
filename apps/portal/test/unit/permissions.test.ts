import { GrantAction, ModuleKey, MODULES, Role, UnitCategory, type UnitCategoryStats } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  bindingRate,
  canManageAccounts,
  canUrgeBinding,
  creatableRoles,
  drillDownOf,
  grantRows,
  statsTotal,
  urgeBindingMessage,
} from '../../src/logic/permissions';
import { passwordChangeNotice, passwordChangeRedirect, PASSWORD_CHANGE_PATH, tokenPairOf } from '../../src/logic/password-change';

const permissions = (...actions: GrantAction[]) => [{ module: ModuleKey.PERMISSIONS, label: '权限管理', actions }];
const row = (category: UnitCategory, n: Partial<UnitCategoryStats> = {}): UnitCategoryStats => ({
  category,
  label: category,
  allUnits: 10,
  unitsWithoutAccount: 3,
  accountTotal: 8,
  bound: 6,
  unbound: 2,
  ...n,
});

describe('权限管理 logic', () => {
  it('lets leads and city admins with the operate grant manage accounts, and anyone with it urge binding', () => {
    expect(canManageAccounts({ role: Role.DISTRICT_LEAD, modules: permissions(GrantAction.VIEW, GrantAction.OPERATE) })).toBe(true);
    expect(canManageAccounts({ role: Role.CITY_ADMIN, modules: permissions(GrantAction.OPERATE) })).toBe(true);
    expect(canManageAccounts({ role: Role.DISTRICT_LEAD, modules: permissions(GrantAction.VIEW) })).toBe(false);
    expect(canManageAccounts({ role: Role.DISTRICT_HANDLER, modules: permissions(GrantAction.VIEW, GrantAction.OPERATE) })).toBe(false);
    expect(canManageAccounts(null)).toBe(false);
    expect(canUrgeBinding({ modules: permissions(GrantAction.VIEW, GrantAction.OPERATE) })).toBe(true);
    expect(canUrgeBinding({ modules: permissions(GrantAction.VIEW) })).toBe(false);
  });

  it('lists every module once with the grants held and whether only the city may give it', () => {
    const rows = grantRows([
      { module: ModuleKey.NOTICES, action: GrantAction.VIEW },
      { module: ModuleKey.SERVICE_EVALUATION, action: GrantAction.OPERATE },
    ]);
    expect(rows.map((r) => r.module)).toEqual(MODULES.map((m) => m.key));
    expect(rows.find((r) => r.module === ModuleKey.NOTICES)).toMatchObject({ view: true, operate: false, cityGrantOnly: false, label: '通知发布' });
    expect(rows.find((r) => r.module === ModuleKey.SERVICE_EVALUATION)).toMatchObject({ view: false, operate: true, cityGrantOnly: true });
  });

  it('opens the list behind each number of 用户统计', () => {
    const r = row(UnitCategory.PROPERTY_COMPANY, { label: '物业服务企业' });
    expect(drillDownOf(r, 'allUnits')).toEqual({ kind: 'units', category: UnitCategory.PROPERTY_COMPANY, filter: 'all', title: '物业服务企业 · 全部单位' });
    expect(drillDownOf(r, 'unitsWithoutAccount')).toMatchObject({ kind: 'units', filter: 'without-account', title: '物业服务企业 · 未开设单位' });
    expect(drillDownOf(r, 'accountTotal')).toMatchObject({ kind: 'accounts', bound: undefined });
    expect(drillDownOf(r, 'bound')).toMatchObject({ kind: 'accounts', bound: true, title: '物业服务企业 · 已绑定' });
    expect(drillDownOf(r, 'unbound')).toMatchObject({ kind: 'accounts', bound: false });
  });

  it('adds up the 合计 row and rates binding with the platform’s rate()', () => {
    const rows = [row(UnitCategory.STREET_OFFICE), row(UnitCategory.OWNERS_COMMITTEE, { accountTotal: 0, bound: 0, unbound: 0 })];
    expect(statsTotal(rows)).toEqual({ allUnits: 20, unitsWithoutAccount: 6, accountTotal: 8, bound: 6, unbound: 2 });
    expect(bindingRate(rows[0])).toBe(75);
    expect(bindingRate(rows[1])).toBe(0);
    expect(bindingRate({ bound: 1, accountTotal: 3 })).toBe(33.33);
  });

  it('words the 催绑 result', () => {
    expect(urgeBindingMessage({ campaignId: 1, urged: 12, skippedInCooldown: 3, withoutAccount: 0, skippedAlreadyBound: 0 })).toBe('已催绑 12 人，3 人 24 小时内已催绑过');
    expect(urgeBindingMessage({ campaignId: 1, urged: 2, skippedInCooldown: 0, withoutAccount: 0, skippedAlreadyBound: 4 })).toBe('已催绑 2 人，4 人已绑定微信');
    expect(urgeBindingMessage({ campaignId: null, urged: 0, skippedInCooldown: 5, withoutAccount: 0, skippedAlreadyBound: 0 })).toBe('未催绑任何人，5 人 24 小时内已催绑过');
  });

  it('offers a lead the district roles and units, a city admin every role', () => {
    expect(creatableRoles(Role.DISTRICT_LEAD)).not.toContain(Role.DISTRICT_LEAD);
    expect(creatableRoles(Role.DISTRICT_LEAD)).toContain(Role.PROJECT_MANAGER);
    expect(creatableRoles(Role.CITY_ADMIN)).toEqual(Object.values(Role));
    expect(creatableRoles(Role.DISTRICT_HANDLER)).toEqual([]);
  });
});

describe('forced password change', () => {
  it('sends an account that must change its password to the change page, from anywhere else', () => {
    expect(passwordChangeRedirect({ passwordChangeRequired: true }, '/todos')).toBe(PASSWORD_CHANGE_PATH);
    expect(passwordChangeRedirect({ passwordChangeRequired: true }, '/')).toBe(PASSWORD_CHANGE_PATH);
    expect(passwordChangeRedirect({ passwordChangeRequired: true }, PASSWORD_CHANGE_PATH)).toBeNull();
    expect(passwordChangeRedirect({ passwordChangeRequired: false }, '/todos')).toBeNull();
  });

  it('says why, for an initial and for an expired password', () => {
    expect(passwordChangeNotice('INITIAL')?.title).toBe('您的账号仍在使用初始密码，请先修改密码');
    expect(passwordChangeNotice('EXPIRED')?.title).toBe('您的密码已过期，请先修改密码');
    expect(passwordChangeNotice(null)).toBeNull();
  });

  it('keeps only the token pair of the login answer', () => {
    expect(tokenPairOf({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, passwordChangeRequired: true, passwordChangeReason: 'INITIAL' })).toEqual({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  });
});
