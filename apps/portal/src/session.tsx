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
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [loading, setLoading] = useState(apiClient.hasSession());
  const [endedBy, setEndedBy] = useState<SessionState['endedBy']>(null);

  useEffect(() => {
    if (!apiClient.hasSession()) return;
    api.auth
      .me()
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (tokens: TokenPair) => {
    apiClient.startSession(tokens);
    const account = await api.auth.me();
    setMe(account);
    setEndedBy(null);
    return account;
  }, []);

  const signOut = useCallback(async () => {
    const refreshToken = apiClient.refreshToken();
    apiClient.endSession();
    setMe(null);
    // the session ends here whatever the api answers; logging out there revokes its tokens at once
    if (refreshToken) await api.auth.logout(refreshToken).catch(() => undefined);
  }, []);

  const clear = useCallback((reason: 'expired' | 'password-changed') => {
    apiClient.endSession();
    setMe(null);
    setEndedBy(reason);
  }, []);

  const value = useMemo(() => ({ me, loading, endedBy, signIn, signOut, clear }), [me, loading, endedBy, signIn, signOut, clear]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
