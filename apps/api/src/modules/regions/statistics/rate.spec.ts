import { rate } from '@szpm/contract';

describe('rate (the one rule for every percentage)', () => {
  it('is numerator / denominator × 100 with two decimals', () => {
    expect(rate(3, 4)).toBe(75);
    expect(rate(1, 3)).toBe(33.33);
    expect(rate(2, 3)).toBe(66.67);
    expect(rate(1, 8)).toBe(12.5);
    expect(rate(7, 7)).toBe(100);
  });

  it('is 0 when either side is 0', () => {
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 0)).toBe(0);
    expect(rate(0, 0)).toBe(0);
  });
});
