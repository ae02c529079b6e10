/**
 * The portal's one door to the api: the shared client (@szpm/api-client: endpoints, error mapping,
 * token refresh) with the portal's own transport (fetch) and token store (localStorage).
 */
import { ApiClient, createEndpoints, storageTokenStore, type HttpRequest, type HttpResponse, type SessionEndReason, type SyncStorage, type Transport } from '@szpm/api-client';

export { ApiClient, ApiError, ClientErrorCode, errorMessage, memoryTokenStore } from '@szpm/api-client';
export type { HttpRequest, HttpResponse, SessionEndReason, Transport } from '@szpm/api-client';

const REQUEST_TIMEOUT_MS = 30_000;

/** fetch as the client's transport: JSON in, JSON (or text) out; rejects only when no answer came. */
export function fetchTransport(fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let body: unknown = text;
    if (text && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, body: text === '' ? undefined : body };
  };
}

/** localStorage as the token store's storage (values as JSON); looked up on use, so tests can import this module. */
export function localStorageAdapter(storage: () => Storage = () => window.localStorage): SyncStorage {
  return {
    get: (key) => {
      const raw = storage().getItem(key);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw);
      } catch {
        return undefined;
      }
    },
    set: (key, value) => storage().setItem(key, JSON.stringify(value)),
    remove: (key) => storage().removeItem(key),
  };
}

let sessionEndedHandler: (reason: SessionEndReason) => void = () => undefined;

/** The app decides where an ended session goes (the login page, remembering the page). */
export function onSessionEnded(handler: (reason: SessionEndReason) => void): void {
  sessionEndedHandler = handler;
}

export const apiClient = new ApiClient({
  baseUrl: '/api',
  transport: fetchTransport(),
  tokens: storageTokenStore(localStorageAdapter()),
  onSessionEnded: (reason) => sessionEndedHandler(reason),
});

export const api = createEndpoints(apiClient);
export type Api = typeof api;
