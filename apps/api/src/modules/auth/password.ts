import bcrypt from 'bcryptjs';

const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** At least 8 characters from at least three of: upper case, lower case, digits, symbols. */
export function isStrongPassword(password: string): boolean {
  if (password.length < 8 || password.length > 64) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}

let dummyHash: string | undefined;

/** Spends the time of a real check, so response times do not reveal which usernames exist. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= await hashPassword('not-a-real-password');
  await bcrypt.compare(password, dummyHash);
}
