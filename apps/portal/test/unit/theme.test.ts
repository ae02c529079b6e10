import { describe, expect, it } from 'vitest';
import { PORTAL_THEME } from '../../src/theme';

/** WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('theme colours (WCAG AA: 4.5:1 for text)', () => {
  const primary = PORTAL_THEME.token!.colorPrimary!;
  const link = PORTAL_THEME.token!.colorLink!;

  it('reads links and primary text on white', () => {
    expect(contrast(link, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(primary, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('reads white text on primary buttons', () => {
    expect(contrast('#ffffff', primary)).toBeGreaterThanOrEqual(4.5);
  });

  it('computes known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // antd's default blue is too light for text: the reason for our own
    expect(contrast('#1677ff', '#ffffff')).toBeLessThan(4.5);
  });
});
