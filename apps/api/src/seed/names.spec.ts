import { IdentityFactory } from './names';
import { apportion, SeededRandom } from './random';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 check, written independently of the generator. */
function validCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((acc, w, i) => acc + USCC_CHARS.indexOf(code[i]) * w, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

/** GB 11643-1999 check. */
function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = [...id.slice(0, 17)].reduce((acc, d, i) => acc + Number(d) * ((2 ** (17 - i)) % 11), 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('identity factory', () => {
  const people = new IdentityFactory(new SeededRandom(3));

  it('makes unique mainland mobile numbers', () => {
    const phones = Array.from({ length: 5000 }, () => people.mobile());
    expect(new Set(phones).size).toBe(5000);
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d[1-9]\d{7}$/);
  });

  it('makes credit codes and ID numbers whose check characters are right', () => {
    for (let i = 0; i < 500; i++) {
      const code = people.creditCode('440304');
      expect(code.startsWith('91440304')).toBe(true);
      expect(validCreditCode(code)).toBe(true);
      expect(validIdNumber(people.idNumber())).toBe(true);
    }
    expect(validCreditCode('91440300MA5FXXXXX1')).toBe(false);
  });

  it('makes WeChat-shaped openids and Chinese names', () => {
    expect(people.openId()).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(people.personName()).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
  });
});

describe('seeded random', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((rng) => () => rng.int(0, 1_000_000))(new SeededRandom(seed)));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('samples an exact share', () => {
    expect(new SeededRandom(1).sample([...Array(10).keys()], 0.7)).toHaveLength(7);
  });

  it('apportions a total exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(10_000, [900, 1100, 1200, 50]).reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});
