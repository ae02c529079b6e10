import { CommonErrorCode, cycleLabel, payloadRows, payloadSections } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, isRetryable } from '@szpm/api-client';
import { legendText, ringData } from '../../src/logic/chart';
import { isDeepLinked } from '../../src/logic/deep-link';
import { formatDate, formatDateChinese, formatDateTime, itemOptionDescription, percentOf, shareText, subjectIdentifierLabel, subjectIdentifierText } from '../../src/logic/format';
import { initialPagedState, pagedReducer } from '../../src/logic/paged-list';
import { isEmptyRow, StatsColumn, visibleRows } from '../../src/logic/stats-grid';
import { urgeBindingSummary } from '../../src/logic/urge-binding';

describe('dates', () => {
  it('shows timestamps as Shanghai wall-clock time, never as ISO text', () => {
    expect(formatDateTime('2026-11-30T16:05:00.000Z')).toBe('2026-12-01 00:05');
    expect(formatDate('2026-11-30T16:05:00.000Z')).toBe('2026-12-01');
    expect(formatDateTime('2026-12-01T06:30:00+08:00')).not.toMatch(/T|Z|\+/);
  });

  it('keeps calendar dates as they are and writes them out in Chinese for sentences', () => {
    expect(formatDate('2026-12-01')).toBe('2026-12-01');
    expect(formatDateChinese('2026-12-01')).toBe('2026年12月1日');
    expect(formatDateChinese('2026-03-09T00:00:00.000Z')).toBe('2026年3月9日');
  });

  it('shows a dash for no date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateChinese('')).toBe('—');
  });
});

describe('labels', () => {
  it('labels a subject’s business number by the kind of subject', () => {
    expect(subjectIdentifierLabel('COMPANY')).toBe('统一社会信用代码');
    expect(subjectIdentifierLabel('PROJECT_MANAGER')).toBe('从业证书编号');
    expect(subjectIdentifierText('COMPANY', '91440300MA5F000001')).toBe('统一社会信用代码：91440300MA5F000001');
    expect(subjectIdentifierText('COMPANY', '')).toBe('');
  });

  it('names a scoring cycle, not its key', () => {
    expect(cycleLabel('2026')).toBe('2026年度');
    expect(cycleLabel('2026-H1')).toBe('2026年上半年');
    expect(cycleLabel('2026-H2')).toBe('2026年下半年');
    expect(payloadRows({ cycleKey: '2026-H2' })).toEqual([{ label: '计分周期', value: '2026年下半年' }]);
  });

  it('describes a 事项 option by what it leads to, not by its code', () => {
    const item = { code: 'BAD_FUND_MISUSE', circumstances: [{}, {}, {}], countOncePerYear: true };
    expect(itemOptionDescription(item)).toBe('3种情形 · 同一年度只计一次');
    expect(itemOptionDescription({ ...item, countOncePerYear: false })).not.toContain('BAD_');
  });

  it('shows a form’s content without ids, codes or unlabelled keys', () => {
    const rows = payloadRows({ subjectName: '合德物业', recordId: 7, linkedRecordIds: [3, 4], attachmentIds: [1], someInternalFlag: 'X1' });
    expect(rows).toEqual([
      { label: '评价对象', value: '合德物业' },
      { label: '关联同年度不良信息', value: '2条' },
    ]);
    expect(payloadSections({ original: { itemName: '旧事项' }, machineState: { a: 1 } }).map((s) => s.title)).toEqual(['原信息']);
  });
});

describe('rates', () => {
  it('gives a share as a percentage with one decimal, and nothing for 0 / 0', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(7, 5)).toBe(100);
    expect(shareText(3, 4)).toBe('75% · 3 / 4');
    expect(shareText(0, 0)).toBe('暂无');
  });

  it('draws only the parts with a value and writes every part out', () => {
    const segments = [
      { label: '已读', value: 3, color: '#000' },
      { label: '未读', value: 0, color: '#fff' },
    ];
    expect(ringData(segments)).toEqual({ total: 3, series: [{ name: '已读', value: 3, color: '#000' }] });
    expect(ringData([{ label: '已读', value: 0, color: '#000' }])).toBeNull();
    expect(legendText(segments[0], 3)).toBe('已读 3（100%）');
    expect(legendText(segments[1], 0)).toBe('未读 0');
  });
});

describe('statistics rows', () => {
  type Row = { name: string; targets: number; submitted: number; completionRate: number };
  const columns: Array<StatsColumn<Row>> = [
    { key: 'targets', label: '应检查', kind: 'count' },
    { key: 'submitted', label: '已提交', kind: 'count' },
    { key: 'completionRate', label: '完成率', kind: 'rate' },
  ];
  const rows: Row[] = [
    { name: '园岭街道', targets: 4, submitted: 1, completionRate: 25 },
    { name: '南园街道', targets: 0, submitted: 0, completionRate: 0 },
  ];

  it('folds away the rows whose counts are all 0 until 显示全部', () => {
    expect(isEmptyRow(columns, rows[1])).toBe(true);
    expect(isEmptyRow(columns, rows[0])).toBe(false);
    expect(visibleRows(rows, columns, false)).toEqual({ shown: [rows[0]], hidden: 1 });
    expect(visibleRows(rows, columns, true)).toEqual({ shown: rows, hidden: 0 });
  });
});

describe('催绑 toast against the cards', () => {
  const result = { campaignId: 1, urged: 3, skippedInCooldown: 1, withoutAccount: 0, skippedAlreadyBound: 0 };

  it('names the accounts the cards count but the api did not urge', () => {
    expect(urgeBindingSummary(result, 6)).toBe('已催绑 3 人，1 人 24 小时内已催绑过，2 个账号已停用，未催绑');
  });

  it('names the officers urged with 全部催绑 that no card counts', () => {
    expect(urgeBindingSummary(result, 3)).toBe('已催绑 3 人，1 人 24 小时内已催绑过，其中 1 人为本局工作人员（不在上表中）');
    expect(urgeBindingSummary(result, 4)).toBe('已催绑 3 人，1 人 24 小时内已催绑过');
  });
});

describe('error messages', () => {
  it('shows the 请求编号 a server failure asks for, and does not ask for one it does not have', () => {
    const withId = ApiError.fromResponse(502, { statusCode: 502, code: CommonErrorCode.INTERNAL_ERROR, message: '系统繁忙，请稍后再试；如仍有问题请联系管理员并提供请求编号', requestId: 'req-42' });
    expect(errorMessage(withId)).toBe('系统繁忙，请稍后再试；如仍有问题请联系管理员并提供请求编号：req-42');
    const gateway = ApiError.fromResponse(502, '<html>Bad Gateway</html>');
    expect(errorMessage(gateway)).not.toContain('请求编号');
    expect(errorMessage(gateway)).toContain('系统繁忙');
  });

  it('does not offer to try again after 无权限 or 不存在', () => {
    expect(isRetryable(ApiError.fromResponse(403, { statusCode: 403, code: CommonErrorCode.FORBIDDEN, message: '无权限' }))).toBe(false);
    expect(isRetryable(ApiError.fromResponse(500, {}))).toBe(true);
    expect(isRetryable(ApiError.network())).toBe(true);
  });
});

describe('ways out', () => {
  it('offers 返回首页 on a page opened directly, not on the entry pages nor deeper in the stack', () => {
    expect(isDeepLinked([{ route: 'packages/notices/received/index' }])).toBe(true);
    expect(isDeepLinked([{ route: '/packages/workflow/case/index?id=3' }])).toBe(true);
    expect(isDeepLinked([{ route: 'pages/home/index' }])).toBe(false);
    expect(isDeepLinked([{ route: 'pages/login/index' }])).toBe(false);
    expect(isDeepLinked([{ route: 'pages/home/index' }, { route: 'packages/notices/received/index' }])).toBe(false);
  });

  it('keeps a list’s 无权限 from offering 重新加载', () => {
    const started = pagedReducer(initialPagedState<number>(), { type: 'start', mode: 'reset', requestId: 1 });
    expect(pagedReducer(started, { type: 'failure', mode: 'reset', requestId: 1, message: '无权限', retryable: false }).retryable).toBe(false);
    expect(pagedReducer(started, { type: 'failure', mode: 'reset', requestId: 1, message: '网络连接失败' }).retryable).toBe(true);
  });
});
