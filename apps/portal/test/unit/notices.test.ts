import { GrantAction, ModuleKey, NoticeAudience, Role, type RegionNode } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { audienceBarsOption, audienceOptions, canOperate, publishConfirmation, publishRequest, readRingOption, readSummary, scopeRequest, scopeTree } from '../../src/logic/notices';

const REGIONS: RegionNode[] = [
  {
    id: 2,
    name: '福田区',
    level: 'DISTRICT',
    propertyAreaCount: 12,
    children: [
      { id: 21, name: '园岭街道', level: 'STREET', propertyAreaCount: 5, children: [{ id: 211, name: '百花社区', level: 'COMMUNITY', propertyAreaCount: 2 }] },
      { id: 22, name: '香蜜湖街道', level: 'STREET', propertyAreaCount: 7, children: [] },
    ],
  },
];

describe('canOperate', () => {
  it('needs the operate grant of that very module', () => {
    const modules = [
      { module: ModuleKey.NOTICES, label: '通知发布', actions: [GrantAction.VIEW] },
      { module: ModuleKey.SAFETY_INSPECTIONS, label: '安全检查', actions: [GrantAction.VIEW, GrantAction.OPERATE] },
    ];
    expect(canOperate(modules, ModuleKey.NOTICES)).toBe(false);
    expect(canOperate(modules, ModuleKey.SAFETY_INSPECTIONS)).toBe(true);
    expect(canOperate(undefined, ModuleKey.NOTICES)).toBe(false);
  });
});

describe('audienceOptions', () => {
  it('offers 区局工作人员 to city accounts only', () => {
    expect(audienceOptions(Role.DISTRICT_LEAD).map((o) => o.label)).toEqual(['项目经理', '业委会主任']);
    expect(audienceOptions(Role.CITY_ADMIN).map((o) => o.value)).toEqual([NoticeAudience.PROJECT_MANAGER, NoticeAudience.COMMITTEE_CHAIR, NoticeAudience.DISTRICT_OFFICER]);
  });
});

describe('the 发送范围 tree and its request', () => {
  it('names each node by level and shows the area counts', () => {
    const tree = scopeTree(REGIONS);
    expect(tree[0]).toMatchObject({ value: 'district:2', title: '福田区（12个项目）' });
    expect(tree[0].children!.map((c) => c.value)).toEqual(['street:21', 'street:22']);
    expect(tree[0].children![0].children![0]).toEqual({ value: 'community:211', title: '百花社区（2个项目）', children: undefined });
    // an empty child list is a leaf, not an expandable node without children
    expect(tree[0].children![1].children).toBeUndefined();
  });

  it('splits the chosen nodes into the api’s lists and sends none for an untouched picker', () => {
    expect(scopeRequest(['street:21', 'community:211', 'district:2'])).toEqual({ districtIds: [2], streetIds: [21], communityIds: [211] });
    expect(scopeRequest(['street:22'])).toEqual({ streetIds: [22] });
    expect(scopeRequest(undefined)).toEqual({});
    expect(scopeRequest(['street:x', 'unknown:3'])).toEqual({});
  });

  it('builds the publish request with trimmed text and the uploaded attachments', () => {
    const values = { title: '  汛期通知 ', noticeTypeId: 3, audiences: [NoticeAudience.PROJECT_MANAGER], scope: ['street:21'], content: ' 请排查 ' };
    expect(publishRequest(values, [7, 8])).toEqual({ title: '汛期通知', noticeTypeId: 3, audiences: [NoticeAudience.PROJECT_MANAGER], streetIds: [21], content: '请排查', attachmentIds: [7, 8] });
    expect(publishRequest({ ...values, scope: [] }, [])).not.toHaveProperty('attachmentIds');
  });
});

describe('publishConfirmation', () => {
  it('repeats the server’s count per audience, and refuses a choice that reaches nobody', () => {
    const count = {
      total: 9,
      byAudience: [
        { audience: NoticeAudience.PROJECT_MANAGER, audienceLabel: '项目经理', count: 6 },
        { audience: NoticeAudience.COMMITTEE_CHAIR, audienceLabel: '业委会主任', count: 3 },
      ],
    };
    expect(publishConfirmation(count)).toBe('本通知将发送给 9 人（项目经理 6 人，业委会主任 3 人），确认发布？');
    expect(publishConfirmation({ total: 0, byAudience: [{ ...count.byAudience[0], count: 0 }] })).toBeNull();
  });
});

describe('read statistics charts', () => {
  it('words and draws 已读 / 未读 with the shared rate rule', () => {
    const stats = { recipients: 3, read: 1, unread: 2 };
    expect(readSummary(stats)).toBe('已读 1 / 3 人（33.33%）');
    const ring = readRingOption(stats);
    expect(ring.series[0].data).toEqual([
      { name: '已读', value: 1 },
      { name: '未读', value: 2 },
    ]);
    expect(readSummary({ recipients: 0, read: 0, unread: 0 })).toBe('已读 0 / 0 人（0%）');
  });

  it('stacks read and unread per audience', () => {
    const bars = audienceBarsOption([
      { audience: NoticeAudience.PROJECT_MANAGER, audienceLabel: '项目经理', recipients: 4, read: 3, unread: 1 },
      { audience: NoticeAudience.COMMITTEE_CHAIR, audienceLabel: '业委会主任', recipients: 2, read: 0, unread: 2 },
    ]);
    expect(bars.xAxis.data).toEqual(['项目经理', '业委会主任']);
    expect(bars.series.map((s) => [s.name, s.data])).toEqual([
      ['已读', [3, 0]],
      ['未读', [1, 2]],
    ]);
  });
});
