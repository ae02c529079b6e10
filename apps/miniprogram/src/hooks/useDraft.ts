import { Dispatch, SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { DraftStore } from '../logic/draft-store';

export interface Draft<T> {
  value: T;
  setValue: Dispatch<SetStateAction<T>>;
  /** the form opened with a kept draft (say so, once) */
  restored: boolean;
  /** after a successful submit: the draft is gone and nothing more is kept */
  discard(): void;
}

/**
 * A form's state, kept in `store` under `key` as it changes and restored from it when the form
 * opens again (a sign-in in between). `key` null keeps nothing (the account is not known).
 * `kept` picks what may be kept (uploads are not: their ids do not outlive the picker).
 */
export function useDraft<T extends object>(store: DraftStore, key: string | null, blank: T, kept: (value: T) => T = (value) => value): Draft<T> {
  const first = useRef<{ value: T; restored: boolean } | null>(null);
  if (first.current === null) {
    const saved = key ? store.load<T>(key) : null;
    first.current = saved === null ? { value: blank, restored: false } : { value: { ...blank, ...saved }, restored: true };
  }
  const [value, setValue] = useState<T>(first.current.value);
  const blankRef = useRef(blank);
  const keptRef = useRef(kept);
  keptRef.current = kept;
  const discarded = useRef(false);

  useEffect(() => {
    if (!key || discarded.current) return;
    store.save(key, keptRef.current(value), keptRef.current(blankRef.current));
  }, [store, key, value]);

  const discard = useCallback(() => {
    discarded.current = true;
    if (key) store.clear(key);
  }, [store, key]);

  return { value, setValue, restored: first.current.restored, discard };
}
