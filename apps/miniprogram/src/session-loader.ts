import { MeResponse } from '@szpm/contract';
import { api, apiClient } from './api';
import { singleFlight } from './logic/single-flight';
import { session } from './session';

/** GET /auth/me into the session; callers at the same time (app launch, launch page, home) share one request. */
export const loadMe = singleFlight(async (): Promise<MeResponse> => {
  const me = await api.auth.me();
  session.setMe(me);
  return me;
});

/** The signed-in officer: from the session, or asked once. */
export function ensureMe(): Promise<MeResponse> {
  const { me } = session.get();
  return me ? Promise.resolve(me) : loadMe();
}

/**
 * A page opened directly (H5 reload, WeChat message link) starts without the officer the sign-in
 * pages would have loaded: load them when a token is kept. An expired session ends in the api
 * client (onSessionEnded), which brings the officer to sign in and back.
 */
export function resumeSession(): void {
  if (apiClient.hasSession() && !session.get().me) void loadMe().catch(() => undefined);
}
