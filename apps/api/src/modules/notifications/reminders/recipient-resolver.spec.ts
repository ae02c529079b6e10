import { areasLabel, bureauName } from './recipient-resolver';

describe('recipients’ unit names', () => {
  it('names up to three areas a manager runs, then counts them', () => {
    expect(areasLabel(['福田花园'])).toBe('福田花园');
    expect(areasLabel(['福田花园', '莲花苑', '景田小区'])).toBe('福田花园、莲花苑、景田小区');
    expect(areasLabel(['福田花园', '莲花苑', '景田小区', '梅林一村', '香蜜湖1号'])).toBe('福田花园、莲花苑、景田小区等5个项目');
  });

  it('never exceeds the column', () => {
    expect([...areasLabel(['长'.repeat(200), '短'.repeat(200)])].length).toBe(255);
  });

  it('names the sending bureau', () => {
    expect(bureauName('福田区')).toBe('福田区住房和建设局');
    expect(bureauName(null)).toBe('深圳市住房和建设局');
    expect(bureauName(undefined)).toBe('深圳市住房和建设局');
  });
});
