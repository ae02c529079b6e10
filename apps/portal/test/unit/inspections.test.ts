import { SafetyCheckKind, type RegionNode, type SafetyTemplateDetail } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { counterTitle, districtAreaCount, drillInto, launchConfirmation, launchRequest, mayEditTemplate, templateFormValues, templateRequest } from '../../src/logic/inspections';

const TEMPLATE: SafetyTemplateDetail = {
  id: 5,
  name: '汛前安全检查',
  kind: SafetyCheckKind.SPECIAL,
  kindLabel: '专项检查',
  districtId: 2,
  version: 3,
  indicatorCount: 1,
  subItemCount: 2,
  updatedAt: '2026-05-01T00:00:00.000Z',
  description: null,
  indicators: [
    {
      id: 1,
      name: '防汛',
      sortOrder: 1,
      subItems: [
        { id: 11, content: '挡水板到位', facility: '挡水板', sortOrder: 1 },
        { id: 12, content: '排水沟畅通', facility: null, sortOrder: 2 },
      ],
    },
  ],
};

describe('the template form', () => {
  it('edits a template as indicators with sub-items and saves it back as the api takes it', () => {
    const values = templateFormValues(TEMPLATE);
    expect(values.indicators[0].subItems).toEqual([
      { content: '挡水板到位', facility: '挡水板' },
      { content: '排水沟畅通', facility: '' },
    ]);
    values.name = ' 汛前安全检查（修订） ';
    values.indicators.push({ name: ' 消防 ', subItems: [{ content: ' 消防通道畅通 ', facility: '  ' }] });
    expect(templateRequest(values)).toEqual({
      name: '汛前安全检查（修订）',
      kind: SafetyCheckKind.SPECIAL,
      description: null,
      indicators: [
        { name: '防汛', subItems: [{ content: '挡水板到位', facility: '挡水板' }, { content: '排水沟畅通', facility: null }] },
        { name: '消防', subItems: [{ content: '消防通道畅通', facility: null }] },
      ],
    });
  });

  it('lets a district change its own templates, the city the city-wide ones', () => {
    const district = { districtId: 2, city: false };
    expect(mayEditTemplate({ districtId: 2 }, district)).toBe(true);
    expect(mayEditTemplate({ districtId: null }, district)).toBe(false);
    expect(mayEditTemplate({ districtId: 3 }, district)).toBe(false);
    expect(mayEditTemplate({ districtId: null }, { districtId: null, city: true })).toBe(true);
  });
});

describe('发起安全检查', () => {
  const regions: RegionNode[] = [
    { id: 2, name: '福田区', level: 'DISTRICT', propertyAreaCount: 12 },
    { id: 3, name: '南山区', level: 'DISTRICT', propertyAreaCount: 8 },
  ];

  it('sends the chosen areas only when 指定物业项目, and leaves out empty optional text', () => {
    const base = { templateId: 5, deadline: '2026-07-01', title: '  ', instructions: '', range: 'all' as const };
    expect(launchRequest(base, [1, 2])).toEqual({ templateId: 5, deadline: '2026-07-01' });
    expect(launchRequest({ ...base, range: 'chosen', title: ' 汛前检查 ', districtId: 3 }, [1, 2])).toEqual({
      templateId: 5,
      title: '汛前检查',
      deadline: '2026-07-01',
      districtId: 3,
      propertyAreaIds: [1, 2],
    });
  });

  it('counts the areas of the district the launch goes to and words the confirmation', () => {
    expect(districtAreaCount(regions, 3)).toBe(8);
    expect(districtAreaCount(regions.slice(0, 1))).toBe(12);
    expect(launchConfirmation(12, '2026-07-01')).toBe('将向 12 个物业项目的项目负责人发起安全检查，截止日期 2026-07-01，确认发起？');
    expect(launchConfirmation(0, '2026-07-01')).toBeNull();
  });
});

describe('the statistics drill-down', () => {
  it('narrows one level per opened row and stops at the property areas', () => {
    expect(drillInto({}, 'DISTRICT', 2)).toEqual({ districtId: 2 });
    expect(drillInto({ districtId: 2 }, 'STREET', 21)).toEqual({ districtId: 2, streetId: 21 });
    expect(drillInto({ districtId: 2, streetId: 21 }, 'COMMUNITY', 211)).toEqual({ districtId: 2, streetId: 21, communityId: 211 });
    expect(drillInto({ communityId: 211 }, 'PROPERTY_AREA', 9)).toBeNull();
  });

  it('names the numbers as the export does', () => {
    expect(counterTitle('overdue')).toBe('逾期未提交');
    expect(counterTitle('areasWithProblems')).toBe('有问题项目');
  });
});
