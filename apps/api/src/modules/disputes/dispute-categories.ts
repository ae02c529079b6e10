/**
 * The seeded 问题分类 (domain-notes.md, chapter 22) and their default 办理时限 in working days. Shenzhen's
 * 12345 limits are 2 (咨询), 4 (求助) and 10 (投诉 / 建议 / 举报) working days; a dispute is a complaint,
 * so every category starts at 10. An admin changes them (PATCH /api/disputes/categories/:id).
 */
export const DEFAULT_DISPUTE_CATEGORIES: ReadonlyArray<{ name: string; timeLimitWorkingDays: number }> = [
  { name: '物业费追索', timeLimitWorkingDays: 10 },
  { name: '停车纠纷', timeLimitWorkingDays: 10 },
  { name: '共用设施维修与维修资金', timeLimitWorkingDays: 10 },
  { name: '业委会选聘/换届/交接', timeLimitWorkingDays: 10 },
  { name: '违反管理规约使用物业', timeLimitWorkingDays: 10 },
  { name: '共用部位收益', timeLimitWorkingDays: 10 },
  { name: '前期物业与开发遗留问题', timeLimitWorkingDays: 10 },
  { name: '相邻关系', timeLimitWorkingDays: 10 },
  { name: '车辆与财物被盗', timeLimitWorkingDays: 10 },
  { name: '其他', timeLimitWorkingDays: 10 },
];
