import { AuthErrorCode, CommonErrorCode, ON_BEHALF_OF_HEADER, TokenPair } from '@szpm/contract';
import { ApiError, ClientErrorCode } from './errors';
import { HttpMethod, HttpResponse, QueryValue, toQueryString, Transport, Uploader } from './http';
import { TokenStore } from './token-store';

type RefreshOutcome = 'refreshed' | 'refused' | 'unreachable';

export type SessionEndReason = 'expired' | 'signed-out';

export interface ApiClientOptions {
  /** e.g. `/api` (H5 served by the api) or `https://host/api` (weapp) */
  baseUrl: string;
  transport: Transport;
  uploader?: Uploader;
  tokens: TokenStore;
  /**
   * called once when a signed-in request cannot go on: `expired` when the refresh was refused,
   * `signed-out` when there was no session to begin with (a page opened directly): go to sign in
   */
  onSessionEnded?: (reason: SessionEndReason) => void;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** false for the public endpoints (login, binding, publicity) */
  auth?: boolean;
}

/**
 * The one HTTP client of the app. Sends the access token, and on 401 TOKEN_EXPIRED trades the
 * refresh token for a new pair once (concurrent requests share that one refresh) and retries.
 */
export class ApiClient {
  private refreshing: Promise<RefreshOutcome> | null = null;
  /** the delegator this officer acts for (代办委托), sent as X-On-Behalf-Of */
  private onBehalfOf: number | null = null;
  /** the end of this session was reported: the requests that fail with it do not report it again */
  private endReported = false;

  constructor(private readonly options: ApiClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  hasSession(): boolean {
    return this.options.tokens.get() !== null;
  }

  startSession(tokens: TokenPair): void {
    this.options.tokens.set(tokens);
    this.endReported = false;
  }

  endSession(): void {
    this.options.tokens.set(null);
    this.onBehalfOf = null;
  }

  refreshToken(): string | null {
    return this.options.tokens.get()?.refreshToken ?? null;
  }

  actOnBehalfOf(delegatorId: number | null): void {
    this.onBehalfOf = delegatorId;
  }

  actingOnBehalfOf(): number | null {
    return this.onBehalfOf;
  }

  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body: body ?? {} });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth !== false;
    const first = await this.send(method, path, options, auth);
    if (auth && first instanceof ApiError && first.code === CommonErrorCode.TOKEN_EXPIRED) {
      const outcome = await this.refresh();
      // refused: the session ended (and was reported); unreachable: keep it, the network failed
      if (outcome === 'refused') throw first;
      if (outcome === 'unreachable') throw ApiError.network();
      const second = await this.send(method, path, options, auth);
      if (second instanceof ApiError) throw this.sessionCheck(second);
      return second as T;
    }
    if (first instanceof ApiError) throw auth ? this.sessionCheck(first) : first;
    return first as T;
  }

  /** Uploads one file (multipart field `file`) and answers the api's JSON. */
  async upload<T>(path: string, filePath: string, fileName?: string): Promise<T> {
    const uploader = this.options.uploader;
    if (!uploader) throw new Error('uploads are not available here');
    const response = await this.exchange((headers) => uploader({ url: this.options.baseUrl + path, headers, filePath, field: 'file', fileName }));
    return (typeof response.body === 'string' ? safeJson(response.body) : response.body) as T;
  }

  /**
   * An authenticated exchange the transport does not carry (a browser's multipart upload, a file
   * download): `attempt` sends it with the given headers and answers the response (null when none
   * came). The same token refresh, retry and session end as every request; answers a 2xx response.
   */
  async exchange<R extends HttpResponse>(attempt: (headers: Record<string, string>) => Promise<R | null>): Promise<R> {
    const once = async (): Promise<R | ApiError> => {
      const response = await attempt(this.authHeaders()).catch(() => null);
      if (!response) return ApiError.network();
      if (response.status >= 200 && response.status < 300) return response;
      return ApiError.fromResponse(response.status, typeof response.body === 'string' ? safeJson(response.body) : response.body);
    };
    let result = await once();
    if (result instanceof ApiError && result.code === CommonErrorCode.TOKEN_EXPIRED) {
      const outcome = await this.refresh();
      if (outcome === 'refused') throw result;
      if (outcome === 'unreachable') throw ApiError.network();
      result = await once();
    }
    if (result instanceof ApiError) throw this.sessionCheck(result);
    return result;
  }

  /** Headers of an authenticated request, for downloads the platform makes itself. */
  authHeaders(): Record<string, string> {
    const headers = this.headers(true);
    delete headers['Content-Type'];
    return headers;
  }

  private headers(auth: boolean): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const tokens = this.options.tokens.get();
    if (auth && tokens) headers.Authorization = `Bearer ${tokens.accessToken}`;
    if (auth && this.onBehalfOf !== null) headers[ON_BEHALF_OF_HEADER] = String(this.onBehalfOf);
    return headers;
  }

  private async send(method: HttpMethod, path: string, options: RequestOptions, auth: boolean): Promise<unknown | ApiError> {
    const url = this.options.baseUrl + path + toQueryString(options.query);
    let response;
    try {
      response = await this.options.transport({ method, url, headers: this.headers(auth), body: options.body });
    } catch {
      return ApiError.network();
    }
    if (response.status >= 200 && response.status < 300) return response.status === 204 ? undefined : response.body;
    return ApiError.fromResponse(response.status, response.body);
  }

  /** One refresh at a time, shared by every request that found its token expired. */
  private refresh(): Promise<RefreshOutcome> {
    const refreshToken = this.options.tokens.get()?.refreshToken;
    if (!refreshToken) {
      this.expire();
      return Promise.resolve('refused');
    }
    if (!this.refreshing) {
      this.refreshing = (async (): Promise<RefreshOutcome> => {
        const result = await this.send('POST', '/auth/refresh', { body: { refreshToken } }, false);
        if (result instanceof ApiError) {
          // a network failure keeps the session: the next request may succeed
          if (result.code === ClientErrorCode.NETWORK) return 'unreachable';
          this.expire();
          return 'refused';
        }
        this.options.tokens.set(result as TokenPair);
        return 'refreshed';
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /** A 401 that a refresh could not cure ends the session; without one the officer must sign in. */
  private sessionCheck(error: ApiError): ApiError {
    const ended: string[] = [CommonErrorCode.UNAUTHENTICATED, CommonErrorCode.TOKEN_EXPIRED, AuthErrorCode.INVALID_REFRESH_TOKEN];
    if (error.status !== 401 || !ended.includes(error.code)) return error;
    if (this.options.tokens.get()) this.expire();
    else this.reportEnd('signed-out');
    return error;
  }

  private expire(): void {
    this.endSession();
    this.reportEnd('expired');
  }

  private reportEnd(reason: SessionEndReason): void {
    if (this.endReported) return;
    this.endReported = true;
    this.options.onSessionEnded?.(reason);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
