import type { MeResponse, TokenPair } from '@szpm/contract';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, apiClient } from './api';

interface SessionState {
  /** the signed-in account (GET /api/auth/me); null when signed out */
  me: MeResponse | null;
  /** true until the stored session (if any) has been checked */
  loading: boolean;
  signIn(tokens: TokenPair): Promise<MeResponse>;
  signOut(): Promise<void>;
  /** why the last session ended without the officer signing out (the login page says so) */
  endedBy: 'expired' | 'password-changed' | null;
  /** forgets the session without telling the api (it already ended there) */
  clear(reason: 'expired' | 'password-changed'): void;
  /** 代办委托: the delegator this officer acts for (every request carries X-On-Behalf-Of), or null */
  actingFor: ActingFor | null;
  actFor(delegator: ActingFor | null): void;
}

export interface ActingFor {
  id: number;
  name: string;
}

/** Kept for this browser tab only: a reload goes on acting for the same delegator, a new tab does not. */
const ACTING_FOR_KEY = 'szpm.actingFor';

function storedActingFor(): ActingFor | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(ACTING_FOR_KEY) ?? 'null') as ActingFor | null;
    return stored && Number.isSafeInteger(stored.id) && typeof stored.name === 'string' ? stored : null;
  } catch {
    return null;
  }
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [loading, setLoading] = useState(apiClient.hasSession());
  const [endedBy, setEndedBy] = useState<SessionState['endedBy']>(null);
  const [actingFor, setActingFor] = useState<ActingFor | null>(() => {
    const stored = apiClient.hasSession() ? storedActingFor() : null;
    apiClient.actOnBehalfOf(stored?.id ?? null);
    return stored;
  });

  const actFor = useCallback((delegator: ActingFor | null) => {
    apiClient.actOnBehalfOf(delegator?.id ?? null);
    if (delegator) sessionStorage.setItem(ACTING_FOR_KEY, JSON.stringify(delegator));
    else sessionStorage.removeItem(ACTING_FOR_KEY);
    setActingFor(delegator);
  }, []);

  useEffect(() => {
    if (!apiClient.hasSession()) return;
    api.auth
      .me()
      // acting for a delegator whose delegation has since ended: go on as oneself
      .catch((error: unknown) => {
        if (apiClient.actingOnBehalfOf() === null) throw error;
        actFor(null);
        return api.auth.me();
      })
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, [actFor]);

  const signIn = useCallback(async (tokens: TokenPair) => {
    actFor(null);
    apiClient.startSession(tokens);
    const account = await api.auth.me();
    setMe(account);
    setEndedBy(null);
    return account;
  }, [actFor]);

  const signOut = useCallback(async () => {
    const refreshToken = apiClient.refreshToken();
    actFor(null);
    apiClient.endSession();
    setMe(null);
    // the session ends here whatever the api answers; logging out there revokes its tokens at once
    if (refreshToken) await api.auth.logout(refreshToken).catch(() => undefined);
  }, [actFor]);

  const clear = useCallback((reason: 'expired' | 'password-changed') => {
    actFor(null);
    apiClient.endSession();
    setMe(null);
    setEndedBy(reason);
  }, [actFor]);

  const value = useMemo(() => ({ me, loading, endedBy, signIn, signOut, clear, actingFor, actFor }), [me, loading, endedBy, signIn, signOut, clear, actingFor, actFor]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
