import { CampaignKind, InboxMessage, MESSAGE_LINKS, MODULES, ModuleKey, Role } from '@szpm/contract';
import { describe, expect, it, vi } from 'vitest';
import { inboxRow } from '../../src/logic/inbox';
import { PersonalEntry, personalTiles, receivesSafetyTasks } from '../../src/logic/home-modules';
import { ROUTES } from '../../src/routes';

// NutUI's icons need the Taro runtime: here each icon stands for itself by its export name
vi.mock('@nutui/icons-react-taro', () => {
  const names = ['Articles', 'Checked', 'CheckChecked', 'Comment', 'Edit', 'Fabulous', 'Feedback', 'Gardener', 'Health', 'Home', 'Internation', 'Link', 'List', 'Location', 'Message', 'Notice', 'Order', 'QrCode', 'Service', 'Setting', 'Star', 'Store', 'User', 'Video', 'Wallet', 'Warning', 'Eye'];
  return { configure: () => undefined, ...Object.fromEntries(names.map((name) => [name, name])) };
});

describe('物业服务 home: 我的', () => {
  it('gives every account 我的消息 with its unread badge, and project managers 我的检查任务', () => {
    expect(personalTiles(Role.DISTRICT_HANDLER, { unreadMessages: 3, openSafetyTasks: 2 })).toEqual([
      { key: PersonalEntry.INBOX, label: '我的消息', route: ROUTES.messages, badge: 3 },
    ]);
    expect(personalTiles(Role.PROJECT_MANAGER, { unreadMessages: 0, openSafetyTasks: 2 })).toEqual([
      { key: PersonalEntry.INBOX, label: '我的消息', route: ROUTES.messages, badge: 0 },
      { key: PersonalEntry.SAFETY_TASKS, label: '我的检查任务', route: ROUTES.safetyTasks, badge: 2 },
      { key: PersonalEntry.MY_PROJECTS, label: '我的项目', route: ROUTES.myProjects, badge: 0 },
      { key: PersonalEntry.EVALUATION_REPLIES, label: '业主评价回复', route: ROUTES.evaluationReplies, badge: 0 },
    ]);
    // a property company runs projects too (项目登记 / 项目经理变更), without inspection tasks
    expect(personalTiles(Role.PROPERTY_COMPANY, null).map((t) => t.key)).toEqual([PersonalEntry.INBOX, PersonalEntry.MY_PROJECTS, PersonalEntry.EVALUATION_REPLIES]);
    // counts not loaded yet: the entries are there, without badges
    expect(personalTiles(Role.OWNERS_COMMITTEE, null).map((t) => [t.key, t.badge])).toEqual([
      [PersonalEntry.INBOX, 0],
      [PersonalEntry.EVALUATION_REPLIES, 0],
      [PersonalEntry.VOTE_MANAGEMENT, 0],
    ]);
    // the conveners of chapter 10 reach 业主投票管理: the committee account and the street office
    expect(personalTiles(Role.STREET_OFFICER, null).map((t) => t.key)).toEqual([PersonalEntry.INBOX, PersonalEntry.VOTE_MANAGEMENT]);
    expect(receivesSafetyTasks(Role.PROPERTY_COMPANY)).toBe(false);
  });

  it('shows an inbox message by its kind in words and opens the page its link names', () => {
    const message: InboxMessage = {
      id: 7,
      campaignId: 3,
      kind: CampaignKind.URGE,
      title: '催办',
      content: '请尽快阅读',
      link: MESSAGE_LINKS.receivedNotice(12),
      senderName: '黄志强',
      createdAt: '2026-06-01T02:00:00.000Z',
      readAt: null,
    };
    expect(inboxRow(message)).toEqual({ kindLabel: '催办', unread: true, target: '/packages/notices/received/index?id=12' });
    expect(inboxRow({ ...message, kind: 'SOMETHING_NEW', link: 'https://example.com/x', readAt: '2026-06-01T03:00:00.000Z' })).toEqual({
      kindLabel: '消息',
      unread: false,
      target: null,
    });
  });
});

describe('tile icons', () => {
  it('declares one distinct icon for every module of the contract and every personal entry', async () => {
    const { ENTRY_ICONS } = await import('../../src/ui/icons');
    const keys = [...MODULES.map((m) => m.key), ...Object.values(PersonalEntry)];
    expect(Object.keys(ENTRY_ICONS).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(ENTRY_ICONS[key], key).toBeTruthy();
    expect(new Set(Object.values(ENTRY_ICONS)).size).toBe(keys.length);
    expect(Object.values(ModuleKey)).toHaveLength(MODULES.length);
  });
});
