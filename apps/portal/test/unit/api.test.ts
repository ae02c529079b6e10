import { CommonErrorCode, type TokenPair } from '@szpm/contract';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, fetchTransport, localStorageAdapter } from '../../src/api';
import { storageTokenStore } from '@szpm/api-client';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const pair = (n: number): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });

describe('the portal’s fetch transport and localStorage token store', () => {
  it('sends JSON and reads JSON answers; an empty answer has no body', async () => {
    const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => (init?.method === 'POST' ? new Response(null, { status: 204 }) : json(200, { ok: true })));
    const transport = fetchTransport(fetchImpl as typeof fetch);
    expect(await transport({ method: 'GET', url: '/api/x', headers: {} })).toEqual({ status: 200, body: { ok: true } });
    expect(await transport({ method: 'POST', url: '/api/y', headers: { 'Content-Type': 'application/json' }, body: { a: 1 } })).toEqual({ status: 204, body: undefined });
    expect(fetchImpl.mock.calls[0][1]?.body).toBeUndefined();
    expect(fetchImpl.mock.calls[1][1]?.body).toBe('{"a":1}');
  });

  it('keeps the tokens in localStorage, and forgets them on sign-out', () => {
    const storage = memoryStorage();
    const tokens = storageTokenStore(localStorageAdapter(() => storage));
    tokens.set(pair(1));
    expect(JSON.parse(storage.getItem('szpm.tokens')!)).toEqual(pair(1));
    expect(tokens.get()).toEqual(pair(1));
    tokens.set(null);
    expect(storage.getItem('szpm.tokens')).toBeNull();
    storage.setItem('szpm.tokens', 'not json');
    expect(tokens.get()).toBeNull();
  });

  it('refreshes an expired token once over fetch and reports a refused refresh as the end of the session', async () => {
    const storage = memoryStorage();
    const ended = vi.fn();
    let refreshes = 0;
    const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).endsWith('/auth/refresh')) {
        refreshes += 1;
        return refreshes === 1 ? json(200, pair(2)) : json(401, { statusCode: 401, code: 'AUTH_INVALID_REFRESH_TOKEN', message: '登录已过期' });
      }
      const auth = (init?.headers as Record<string, string>).Authorization;
      return auth === 'Bearer access-2' ? json(200, { me: true }) : json(401, { statusCode: 401, code: CommonErrorCode.TOKEN_EXPIRED, message: '登录已过期，请重新登录' });
    });
    const client = new ApiClient({ baseUrl: '/api', transport: fetchTransport(fetchImpl as typeof fetch), tokens: storageTokenStore(localStorageAdapter(() => storage)), onSessionEnded: ended });
    client.startSession(pair(1));
    expect(await client.get('/auth/me')).toEqual({ me: true });
    expect(JSON.parse(storage.getItem('szpm.tokens')!).accessToken).toBe('access-2');

    client.startSession(pair(3));
    await expect(client.get('/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledWith('expired');
    expect(storage.getItem('szpm.tokens')).toBeNull();
  });
});
