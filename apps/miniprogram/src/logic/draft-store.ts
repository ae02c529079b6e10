import { SyncStorage } from '@szpm/api-client';

/**
 * Drafts of entry forms (认定, 通知, 安全检查) kept in storage while they are typed, so that a session
 * lost mid-entry (sign in again, come back to the page) finds the form as it was left. One draft per
 * form and account; cleared once the form is submitted.
 */
const DRAFT_PREFIX = 'szpm.draft';

/** A draft older than this is a form given up, not one interrupted by a sign-in. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600_000;

export interface SavedDraft<T> {
  value: T;
  /** epoch milliseconds */
  savedAt: number;
}

/** `form` names the form (and the record it corrects, if any): `bad-record-entry`, `bad-record-entry.case-12`. */
export function draftKey(form: string, accountId: number): string {
  return `${DRAFT_PREFIX}.${form}.${accountId}`;
}

/** The kept value, or null when there is none, it is too old, or it was saved at a time still to come. */
export function restoredDraft<T>(saved: unknown, now: number): T | null {
  if (!saved || typeof saved !== 'object') return null;
  const { value, savedAt } = saved as Partial<SavedDraft<T>>;
  if (value === undefined || value === null || typeof savedAt !== 'number' || savedAt > now || now - savedAt > DRAFT_MAX_AGE_MS) return null;
  return value;
}

/** Same content (drafts are plain data: what JSON keeps is what counts). */
export function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface DraftStore {
  load<T>(key: string): T | null;
  /** keeps `value`, or forgets the draft when it is still the untouched form `blank` */
  save<T>(key: string, value: T, blank: T): void;
  clear(key: string): void;
}

export function draftStore(storage: SyncStorage, clock: () => number = Date.now): DraftStore {
  return {
    load<T>(key: string): T | null {
      const value = restoredDraft<T>(storage.get(key), clock());
      if (value === null) storage.remove(key);
      return value;
    },
    save<T>(key: string, value: T, blank: T): void {
      if (sameDraft(value, blank)) storage.remove(key);
      else storage.set(key, { value, savedAt: clock() } satisfies SavedDraft<T>);
    },
    clear(key: string): void {
      storage.remove(key);
    },
  };
}
