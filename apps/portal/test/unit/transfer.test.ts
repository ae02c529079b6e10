import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../../src/logic/transfer';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name the api sends for Chinese file names', () => {
    expect(fileNameOf(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('安全检查台账-2026.xlsx')}`, 'x.xlsx')).toBe('安全检查台账-2026.xlsx');
  });

  it('falls back to the plain name, then to the given name', () => {
    expect(fileNameOf('attachment; filename="ledger.xlsx"', 'x.xlsx')).toBe('ledger.xlsx');
    expect(fileNameOf('attachment; filename=ledger.xlsx', 'x.xlsx')).toBe('ledger.xlsx');
    expect(fileNameOf('attachment', 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E5%9", 'x.xlsx')).toBe('x.xlsx');
  });
});
