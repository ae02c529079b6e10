import { inChunks, rowsPerStatement, STATEMENT_LIMITS } from './insert-rows';

describe('rowsPerStatement', () => {
  it('keeps a statement within the dialect’s bound parameters', () => {
    expect(rowsPerStatement('sqlite', 8) * 8).toBeLessThanOrEqual(STATEMENT_LIMITS.sqlite.parameters);
    expect(rowsPerStatement('sqlite', 40)).toBe(800);
    expect(rowsPerStatement('mysql', 40)).toBe(1_500);
  });

  it('caps the rows of narrow statements and never answers zero', () => {
    expect(rowsPerStatement('sqlite', 1)).toBe(STATEMENT_LIMITS.sqlite.rows);
    expect(rowsPerStatement('mysql', 2)).toBe(STATEMENT_LIMITS.mysql.rows);
    expect(rowsPerStatement('sqlite', 100_000)).toBe(1);
  });
});

describe('inChunks', () => {
  it('splits in order, the last piece shorter', () => {
    expect(inChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inChunks([], 3)).toEqual([]);
  });
});
