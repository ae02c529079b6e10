import { GrantAction, ModuleKey, ModuleGrantSummary } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { delegationProblems, delegationRequest, emptyDelegationForm } from '../../src/logic/delegation-form';
import { formatDate, formatDateTime, publicityPeriod, shanghaiToday, signedPoints } from '../../src/logic/format';
import { badgeText, holds, homeModules } from '../../src/logic/home-modules';
import { ROUTES, routeTo } from '../../src/routes';

const grant = (module: ModuleKey, label: string, ...actions: GrantAction[]): ModuleGrantSummary => ({ module, label, actions });

describe('物业服务 home', () => {
  it('shows the held modules with pages as tiles in manual order, with todo badges', () => {
    const modules = [
      grant(ModuleKey.SERVICE_EVALUATION, '物业服务评价', GrantAction.VIEW, GrantAction.OPERATE),
      grant(ModuleKey.NOTICES, '通知发布', GrantAction.VIEW),
      grant(ModuleKey.TODOS, '待办事项', GrantAction.VIEW),
      grant(ModuleKey.PERMISSIONS, '权限管理', GrantAction.VIEW),
      // a module whose chapter has no WeChat pages yet (chapter 14)
      grant(ModuleKey.DISCLOSURES, '信息公开', GrantAction.VIEW),
      grant(ModuleKey.IDENTITY, '身份绑定', GrantAction.VIEW),
      grant(ModuleKey.DISPUTES, '纠纷化解台账'),
    ];
    const home = homeModules(modules, { pending: 2, handled: 5, toAccept: 1, completed: 9, overdue: 1 });
    expect(home.tiles.map((t) => [t.label, t.route, t.badge, t.canOperate])).toEqual([
      ['权限管理', ROUTES.permissions, 0, false],
      ['待办事项', ROUTES.todos, 2, false],
      ['物业服务评价', ROUTES.evaluation, 3, true],
      ['通知发布', ROUTES.notices, 0, false],
    ]);
    // 超期 under 待办事项 only: the pending cases past their deadline
    expect(home.tiles.map((t) => [t.label, t.overdue])).toEqual([
      ['权限管理', 0],
      ['待办事项', 1],
      ['物业服务评价', 0],
      ['通知发布', 0],
    ]);
    expect(home.others).toEqual(['信息公开']);
    expect(homeModules(modules, null).tiles.every((t) => t.badge === 0)).toBe(true);
  });

  it('writes badges as numbers up to 99', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
    expect(holds([grant(ModuleKey.TODOS, '待办事项', GrantAction.VIEW)], ModuleKey.TODOS, GrantAction.OPERATE)).toBe(false);
  });

  it('builds page addresses with their parameters', () => {
    expect(routeTo(ROUTES.case, { id: 12 })).toBe('/packages/workflow/case/index?id=12');
    expect(routeTo(ROUTES.records, { kind: 'bad-record', subjectType: 'COMPANY', subjectId: undefined })).toBe('/packages/evaluation/records/index?kind=bad-record&subjectType=COMPANY');
  });
});

describe('代办委托 form', () => {
  it('needs a colleague, modules when not all, an end not before today or the start, and the matters', () => {
    expect(delegationProblems(emptyDelegationForm(), '2026-06-01')).toEqual({ delegateId: '请选择受托人', endDate: '请选择委托结束日期', matters: '请填写委托代办的事宜' });
    const form = { ...emptyDelegationForm(), delegateId: 3, allModules: false, endDate: '2026-05-31', matters: '休假期间代为审核' };
    expect(delegationProblems(form, '2026-06-01')).toEqual({ modules: '请选择委托的模块', endDate: '结束日期不能早于今天' });
    expect(delegationProblems({ ...form, modules: [ModuleKey.SERVICE_EVALUATION], startDate: '2026-06-10', endDate: '2026-06-05' }, '2026-06-01')).toEqual({ endDate: '结束日期不能早于开始日期' });
    expect(delegationProblems({ ...form, modules: [ModuleKey.SERVICE_EVALUATION], endDate: '2026-06-01' }, '2026-06-01')).toEqual({});
  });

  it('sends Shanghai day boundaries and the modules only when not all', () => {
    const form = { ...emptyDelegationForm(), delegateId: 3, endDate: '2026-06-15', matters: ' 休假期间代为审核 ' };
    expect(delegationRequest(form)).toEqual({ delegateId: 3, allModules: true, endAt: '2026-06-15T23:59:59+08:00', matters: '休假期间代为审核' });
    expect(delegationRequest({ ...form, allModules: false, modules: [ModuleKey.TODOS], startDate: '2026-06-10' })).toEqual({
      delegateId: 3,
      allModules: false,
      modules: [ModuleKey.TODOS],
      startAt: '2026-06-10T00:00:00+08:00',
      endAt: '2026-06-15T23:59:59+08:00',
      matters: '休假期间代为审核',
    });
  });
});

describe('formatting', () => {
  it('shows times in Shanghai whatever the phone’s zone', () => {
    expect(formatDateTime('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate('2026-03-01')).toBe('2026-03-01');
    expect(formatDate('2026-03-01T17:00:00Z')).toBe('2026-03-02');
    expect(shanghaiToday(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(publicityPeriod('2026-03-01', '2027-02-28')).toBe('2026-03-01 至 2027-02-28');
    expect(signedPoints(3)).toBe('+3');
    expect(signedPoints(-5)).toBe('-5');
  });
});

describe('发布通知 and 发起安全检查 forms', () => {
  it('needs title, type, content and an audience; sends streets only when chosen', async () => {
    const { emptyNoticeForm, noticeProblems, noticeRequest, streetsOf } = await import('../../src/logic/notice-form');
    const { NoticeAudience } = await import('@szpm/contract');
    expect(noticeProblems({ ...emptyNoticeForm(), audiences: [] })).toEqual({
      title: '请填写通知标题',
      noticeTypeId: '请选择通知类型',
      content: '请填写通知内容',
      audiences: '请选择接收对象',
    });
    const form = { ...emptyNoticeForm(), title: ' 汛期检查 ', noticeTypeId: 4, content: ' 请于6月10日前完成 ' };
    expect(noticeProblems(form)).toEqual({});
    expect(noticeRequest(form)).toEqual({ title: '汛期检查', noticeTypeId: 4, content: '请于6月10日前完成', audiences: [NoticeAudience.PROJECT_MANAGER] });
    expect(noticeRequest({ ...form, streetIds: [7] }).streetIds).toEqual([7]);
    const tree = [{ id: 1, name: '福田区', level: 'DISTRICT' as const, propertyAreaCount: 3, children: [{ id: 7, name: '园岭街道', level: 'STREET' as const, propertyAreaCount: 3, children: [] }] }];
    expect(streetsOf(tree).map((s) => s.name)).toEqual(['园岭街道']);
  });

  it('needs a template and a deadline not in the past', async () => {
    const { launchProblems, launchRequest } = await import('../../src/logic/safety');
    expect(launchProblems({ templateId: null, title: '', deadline: '2026-05-31', instructions: '' }, '2026-06-01')).toEqual({ templateId: '请选择检查模板', deadline: '截止日期不能早于今天' });
    expect(launchRequest({ templateId: 2, title: ' ', deadline: '2026-06-30', instructions: ' 逐项自查 ' })).toEqual({ templateId: 2, deadline: '2026-06-30', instructions: '逐项自查' });
  });
});
