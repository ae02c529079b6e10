import { MeResponse, ModuleGrantSummary } from '@szpm/contract';
import { useSyncExternalStore } from 'react';

/**
 * What the app knows about the signed-in officer (from login / bind / GET /auth/me) and the
 * WeChat bind ticket while binding. Kept in memory: a fresh start asks the api again.
 */
interface SessionState {
  me: MeResponse | null;
  bindTicket: string | null;
  /** the delegator this officer acts for (代办委托), with a name for the banner */
  actingFor: { id: number; name: string } | null;
}

let state: SessionState = { me: null, bindTicket: null, actingFor: null };
const listeners = new Set<() => void>();

function update(patch: Partial<SessionState>): void {
  state = { ...state, ...patch };
  listeners.forEach((listener) => listener());
}

export const session = {
  get: () => state,
  setMe: (me: MeResponse | null) => update({ me }),
  setBindTicket: (bindTicket: string | null) => update({ bindTicket }),
  setActingFor: (actingFor: SessionState['actingFor']) => update({ actingFor }),
  clear: () => update({ me: null, bindTicket: null, actingFor: null }),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

export function modulesOf(me: MeResponse | null): ModuleGrantSummary[] {
  return me?.modules ?? [];
}
