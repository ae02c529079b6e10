import { createHmac } from 'node:crypto';

/**
 * The keyed hash an owner's ID number is recognised by (trimmed, upper case), so that the number
 * itself is never stored with a binding. The key is OWNER_ID_HASH_SECRET (app-config `owners`).
 */
export function ownerIdNumberHash(secret: string, idNumber: string): string {
  return createHmac('sha256', secret).update(idNumber.trim().toUpperCase()).digest('hex');
}
