import { describe, expect, it } from 'vitest';
import type { PractitionerProjectCounters } from '@szpm/contract';
import { counterTitle, opensProjects, positionChartLabel, positionSlices, PROJECT_TABLE_COUNTERS, remindConfirmText, remindResultText } from '../../src/logic/practitioners';

const row = (over: Partial<PractitionerProjectCounters> = {}): PractitionerProjectCounters => ({
  projects: 3,
  filed: 2,
  notFiled: 1,
  people: 30,
  managers: 3,
  customerService: 4,
  security: 12,
  cleaners: 8,
  gardeners: 0,
  maintenance: 1,
  electricians: 1,
  fireControl: 1,
  liftSafety: 0,
  otherPositions: 0,
  needCertificate: 2,
  certified: 1,
  expiringSoon: 1,
  partyMembers: 2,
  ...over,
});

describe('practitioners logic', () => {
  it('shows every counter of the table once, the project ones opening projects', () => {
    expect(new Set(PROJECT_TABLE_COUNTERS).size).toBe(PROJECT_TABLE_COUNTERS.length);
    expect(PROJECT_TABLE_COUNTERS.filter(opensProjects)).toEqual(['projects', 'filed', 'notFiled']);
    expect(counterTitle('expiringSoon', 90)).toBe('证书90天内到期');
    expect(counterTitle('people')).toBe('从业人员数');
  });

  it('draws only the positions someone holds, and says so in words', () => {
    const slices = positionSlices(row());
    expect(slices.map((s) => s.name)).toEqual(['项目负责人', '客服/管家', '秩序维护员', '保洁员', '工程维修', '电工', '消控值班员']);
    expect(slices.reduce((n, s) => n + s.value, 0)).toBe(30);
    expect(positionChartLabel(row())).toContain('秩序维护员12人');
    const nobody = row({ managers: 0, customerService: 0, security: 0, cleaners: 0, maintenance: 0, electricians: 0, fireControl: 0 });
    expect(positionChartLabel(nobody)).toBe('暂无在岗从业人员');
  });

  it('words 提醒更新 and its result', () => {
    expect(remindConfirmText(false)).toContain('有在管项目的全部项目经理');
    expect(remindConfirmText(true, 90)).toContain('超过90天未更新');
    expect(remindResultText({ campaignId: 1, urged: 12, skippedInCooldown: 3, withoutAccount: 0, projects: 20 })).toBe('已提醒 12 人，3 人 24 小时内已提醒过（涉及 20 个项目）');
  });
});
