import { DisputePartyKind, DisputeSource, DisputeUrgency, PetitionCategory, PetitionForm } from '@szpm/contract';
import { describeDisputeEdit } from './dispute-edit';
import type { DisputePayload } from './dto/dispute.dto';

const base: DisputePayload = {
  streetId: 10,
  communityId: 20,
  propertyAreaId: 1,
  propertyAreaName: '甲花园',
  address: null,
  categoryId: 5,
  categoryName: '停车纠纷',
  summary: '地下车库车位被占用',
  demand: '清理占用',
  peopleCount: 3,
  applicant: { kind: DisputePartyKind.OWNER, name: '张三', phone: '13800000000' },
  respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '某物业', phone: null },
  source: DisputeSource.HOTLINE_12345,
  urgency: DisputeUrgency.NORMAL,
  petition: null,
  deadline: '2026-12-16',
};

describe('describeDisputeEdit', () => {
  it('words each changed field with its before and after value', () => {
    const after = { ...base, propertyAreaId: 2, propertyAreaName: '乙花园', categoryId: 6, categoryName: '物业费追索', deadline: '2026-12-20' };
    expect(describeDisputeEdit(base, after)).toBe('小区名称：甲花园 → 乙花园\n问题分类：停车纠纷 → 物业费追索\n办理时限：2026-12-16 → 2026-12-20');
  });

  it('shows an added 信访信息 block field by field', () => {
    const after = { ...base, petition: { petitionNo: 'XF-1', petitioner: '李四', phone: null, form: PetitionForm.VISIT, date: '2026-12-01', collective: true, category: PetitionCategory.APPEAL } };
    const text = describeDisputeEdit(base, after)!;
    expect(text).toContain('信访人：（空） → 李四');
    expect(text).toContain('信访形式：（空） → 走访');
    expect(text).toContain('是否集体访：（空） → 是');
  });

  it('is null when only the handling changed', () => {
    const after = { ...base, handling: { disposal: 'RESOLVE', outcome: 'SETTLED', repliedAt: '2026-12-02', handlingNote: '已调解', issues: null } } as DisputePayload;
    expect(describeDisputeEdit(base, after)).toBeNull();
  });
});
