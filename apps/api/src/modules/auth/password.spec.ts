import { hashPassword, isStrongPassword, verifyPassword } from './password';

describe('password policy', () => {
  it.each([
    ['Demo@2026', true],
    ['abcDEF12', true],
    ['abc-def-12', true],
    ['Abc@12', false], // too short
    ['abcdefgh', false], // one class
    ['abcdefg1', false], // two classes
    ['ABCDEFG!', false], // two classes
  ])('%s → %s', (password, strong) => {
    expect(isStrongPassword(password)).toBe(strong);
  });

  it('verifies only the password that was hashed', async () => {
    const hash = await hashPassword('Demo@2026');
    expect(await verifyPassword('Demo@2026', hash)).toBe(true);
    expect(await verifyPassword('demo@2026', hash)).toBe(false);
  });
});
