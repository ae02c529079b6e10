import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isRetryable } from '@szpm/api-client';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  /** false when trying again cannot help (no permission, not found): no 重新加载 then */
  retryable: boolean;
  reload(): Promise<void>;
}

/** One detail's loading, error and data; `deps` change → load again (stale answers are dropped). */
export function useLoader<T>(load: () => Promise<T>, deps: unknown[], options: { enabled?: boolean } = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(options.enabled !== false);
  const [error, setError] = useState<string | null>(null);
  const [retryable, setRetryable] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const counter = useRef(0);

  const reload = useCallback(async () => {
    const id = ++counter.current;
    setLoading(true);
    setError(null);
    try {
      const result = await loadRef.current();
      if (id === counter.current) setData(result);
    } catch (e) {
      if (id === counter.current) {
        setError(errorMessage(e));
        setRetryable(isRetryable(e));
      }
    } finally {
      if (id === counter.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (options.enabled !== false) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.enabled, ...deps]);

  return { data, loading, error, retryable, reload };
}
