import { AuthErrorCode, CommonErrorCode, ON_BEHALF_OF_HEADER, TokenPair } from '@szpm/contract';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, ClientErrorCode, errorMessage, HttpRequest, HttpResponse, toQueryString, memoryTokenStore, ownerTokenStore, storageTokenStore } from '@szpm/api-client';

const pair = (n: number): TokenPair => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });
const expired = { status: 401, body: { statusCode: 401, code: CommonErrorCode.TOKEN_EXPIRED, message: '登录已过期，请重新登录' } };

/** A scripted api: answers by "METHOD path" in order, records what was sent. */
function scripted(answers: Record<string, Array<HttpResponse | ((req: HttpRequest) => HttpResponse)>>) {
  const sent: HttpRequest[] = [];
  const transport = vi.fn(async (req: HttpRequest) => {
    sent.push(req);
    const key = `${req.method} ${new URL(req.url, 'http://x').pathname}`;
    const next = answers[key]?.shift();
    if (!next) throw new Error(`unexpected ${key}`);
    return typeof next === 'function' ? next(req) : next;
  });
  return { transport, sent };
}

describe('ApiClient', () => {
  it('sends the access token and answers the body', async () => {
    const { transport, sent } = scripted({ 'GET /api/auth/me': [{ status: 200, body: { id: 1 } }] });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens: memoryTokenStore(pair(1)) });
    await expect(client.get('/auth/me')).resolves.toEqual({ id: 1 });
    expect(sent[0].headers.Authorization).toBe('Bearer access-1');
  });

  it('builds the query from defined, non-empty values only', async () => {
    expect(toQueryString({ list: 'pending', search: '', page: 2, formType: undefined, bound: false, x: null })).toBe('?list=pending&page=2&bound=false');
    expect(toQueryString({ search: '物业 公司' })).toBe('?search=%E7%89%A9%E4%B8%9A%20%E5%85%AC%E5%8F%B8');
    expect(toQueryString({})).toBe('');
  });

  it('on TOKEN_EXPIRED refreshes once and retries with the new token', async () => {
    const tokens = memoryTokenStore(pair(1));
    const { transport, sent } = scripted({
      'GET /api/todos/counts': [expired, (req) => ({ status: req.headers.Authorization === 'Bearer access-2' ? 200 : 401, body: { pending: 3 } })],
      'POST /api/auth/refresh': [{ status: 200, body: pair(2) }],
    });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens });
    await expect(client.get('/todos/counts')).resolves.toEqual({ pending: 3 });
    expect(tokens.get()).toEqual(pair(2));
    const refresh = sent.find((r) => r.url.endsWith('/auth/refresh'))!;
    expect(refresh.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refresh.headers.Authorization).toBeUndefined();
  });

  it('shares one refresh between requests that expire together', async () => {
    const tokens = memoryTokenStore(pair(1));
    let refreshes = 0;
    const transport = vi.fn(async (req: HttpRequest): Promise<HttpResponse> => {
      if (req.url.endsWith('/auth/refresh')) {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 5));
        return { status: 200, body: pair(2) };
      }
      return req.headers.Authorization === 'Bearer access-2' ? { status: 200, body: req.url } : expired;
    });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens });
    const answers = await Promise.all([client.get('/a'), client.get('/b'), client.get('/c')]);
    expect(answers).toEqual(['/api/a', '/api/b', '/api/c']);
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh token is refused, and says so once', async () => {
    const tokens = memoryTokenStore(pair(1));
    const ended = vi.fn();
    const { transport } = scripted({
      'GET /api/todos': [expired],
      'POST /api/auth/refresh': [{ status: 401, body: { statusCode: 401, code: AuthErrorCode.INVALID_REFRESH_TOKEN, message: '登录状态已失效，请重新登录' } }],
    });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens, onSessionEnded: ended });
    const error = await client.get<never>('/todos').catch((e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(CommonErrorCode.TOKEN_EXPIRED);
    expect(tokens.get()).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledWith('expired');
  });

  it('reports a signed-in request made without a session once (a page opened directly), until the next sign-in', async () => {
    const tokens = memoryTokenStore();
    const ended = vi.fn();
    const unauthenticated = { status: 401, body: { statusCode: 401, code: CommonErrorCode.UNAUTHENTICATED, message: '请先登录' } };
    const { transport } = scripted({
      'GET /api/notices/5': [unauthenticated],
      'GET /api/notices/5/recipients': [unauthenticated],
      'GET /api/todos': [expired],
      'POST /api/auth/refresh': [{ status: 401, body: { statusCode: 401, code: AuthErrorCode.INVALID_REFRESH_TOKEN, message: '登录状态已失效，请重新登录' } }],
    });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens, onSessionEnded: ended });
    const errors = await Promise.all([client.get<never>('/notices/5').catch((e: ApiError) => e), client.get<never>('/notices/5/recipients').catch((e: ApiError) => e)]);
    expect(errors.map((e) => e.code)).toEqual([CommonErrorCode.UNAUTHENTICATED, CommonErrorCode.UNAUTHENTICATED]);
    expect(ended.mock.calls).toEqual([['signed-out']]);

    // signed in again, that session's end is reported too
    client.startSession(pair(1));
    await client.get<never>('/todos').catch(() => undefined);
    expect(ended.mock.calls).toEqual([['signed-out'], ['expired']]);
  });

  it('keeps the session when the refresh failed for the network', async () => {
    const tokens = memoryTokenStore(pair(1));
    const ended = vi.fn();
    const transport = vi.fn(async (req: HttpRequest): Promise<HttpResponse> => {
      if (req.url.endsWith('/auth/refresh')) throw new Error('request:fail');
      return expired;
    });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens, onSessionEnded: ended });
    const error = await client.get<never>('/todos').catch((e: ApiError) => e);
    expect(error.code).toBe(ClientErrorCode.NETWORK);
    expect(tokens.get()).toEqual(pair(1));
    expect(ended).not.toHaveBeenCalled();
  });

  it('does not refresh for public endpoints and passes their Chinese error through', async () => {
    const { transport, sent } = scripted({
      'POST /api/auth/login': [{ status: 401, body: { statusCode: 401, code: AuthErrorCode.INVALID_CREDENTIALS, message: '用户名或密码错误' } }],
    });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens: memoryTokenStore() });
    const error = await client.post<never>('/auth/login', { username: 'a', password: 'b' }, { auth: false }).catch((e: ApiError) => e);
    expect(errorMessage(error)).toBe('用户名或密码错误');
    expect(sent).toHaveLength(1);
  });

  it('turns a failed network into a Chinese message', async () => {
    const client = new ApiClient({ baseUrl: '/api', transport: async () => Promise.reject(new Error('request:fail timeout')), tokens: memoryTokenStore(pair(1)) });
    const error = await client.get<never>('/todos').catch((e: ApiError) => e);
    expect(error.code).toBe(ClientErrorCode.NETWORK);
    expect(errorMessage(error)).toBe('网络连接失败，请检查网络后重试');
  });

  it('sends X-On-Behalf-Of while acting for a delegator (代办委托)', async () => {
    const { transport, sent } = scripted({ 'GET /api/todos': [{ status: 200, body: {} }, { status: 200, body: {} }] });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens: memoryTokenStore(pair(1)) });
    client.actOnBehalfOf(42);
    await client.get('/todos');
    client.actOnBehalfOf(null);
    await client.get('/todos');
    expect(sent[0].headers[ON_BEHALF_OF_HEADER]).toBe('42');
    expect(sent[1].headers[ON_BEHALF_OF_HEADER]).toBeUndefined();
  });

  it('answers undefined for 204', async () => {
    const { transport } = scripted({ 'POST /api/permissions/me/unbind': [{ status: 204, body: null }] });
    const client = new ApiClient({ baseUrl: '/api', transport, tokens: memoryTokenStore(pair(1)) });
    await expect(client.post('/permissions/me/unbind')).resolves.toBeUndefined();
  });

  it('retries an upload after refreshing, parsing the JSON text the uploader returns', async () => {
    const tokens = memoryTokenStore(pair(1));
    const uploader = vi.fn(async (req: { headers: Record<string, string> }) =>
      req.headers.Authorization === 'Bearer access-2' ? { status: 201, body: JSON.stringify({ id: 7, fileName: 'a.png' }) } : { status: 401, body: JSON.stringify(expired.body) },
    );
    const { transport } = scripted({ 'POST /api/auth/refresh': [{ status: 200, body: pair(2) }] });
    const client = new ApiClient({ baseUrl: '/api', transport, uploader, tokens });
    await expect(client.upload('/attachments', '/tmp/a.png')).resolves.toEqual({ id: 7, fileName: 'a.png' });
    expect(uploader).toHaveBeenCalledTimes(2);
  });
});

describe('errors', () => {
  it('names the fields of a validation error and adds the request id to server failures', () => {
    const validation = ApiError.fromResponse(400, {
      statusCode: 400,
      code: CommonErrorCode.VALIDATION_FAILED,
      message: '提交的信息有误，请检查标注的字段',
      details: [{ field: 'documentNo', message: 'documentNo不能为空', constraint: 'isNotEmpty' }],
    });
    expect(errorMessage(validation)).toBe('提交的信息有误，请检查标注的字段：documentNo不能为空');
    expect(validation.fieldErrors()).toEqual({ documentNo: 'documentNo不能为空' });
    const rule = ApiError.fromResponse(400, { statusCode: 400, code: 'PARKING_LOCATION_SUM_MISMATCH', message: '地上、地下、机械车位之和须等于车位总数', details: [{ field: 'surface', message: '地上、地下、机械车位之和须等于车位总数' }] });
    expect(errorMessage(rule)).toBe('地上、地下、机械车位之和须等于车位总数');
    expect(rule.fieldErrors()).toEqual({ surface: '地上、地下、机械车位之和须等于车位总数' });
    const internal = ApiError.fromResponse(500, { statusCode: 500, code: CommonErrorCode.INTERNAL_ERROR, message: '系统繁忙', requestId: 'r-1' });
    expect(errorMessage(internal)).toBe('系统繁忙（请求编号 r-1）');
  });

  it('uses the contract message when the body is not the api error shape', () => {
    expect(ApiError.fromResponse(502, '<html>Bad Gateway</html>').message).toBe('系统繁忙，请稍后再试；如仍有问题请联系管理员并提供请求编号');
    expect(ApiError.fromResponse(404, null).code).toBe(ClientErrorCode.BAD_RESPONSE);
  });
});

describe('token storage', () => {
  it('keeps a complete pair and forgets a broken one', () => {
    const data = new Map<string, unknown>();
    const store = storageTokenStore({ get: (k) => data.get(k) ?? '', set: (k, v) => data.set(k, v), remove: (k) => data.delete(k) });
    expect(store.get()).toBeNull();
    store.set(pair(1));
    expect(store.get()).toEqual(pair(1));
    data.set('szpm.tokens', { accessToken: 'a' });
    expect(store.get()).toBeNull();
    store.set(null);
    expect(data.has('szpm.tokens')).toBe(false);
  });
});

describe('ownerTokenStore', () => {
  it('keeps the owner’s access token under its own key, beside an officer’s tokens, with no refresh token', () => {
    const data = new Map<string, unknown>();
    const storage = { get: (k: string) => data.get(k) ?? '', set: (k: string, v: unknown) => void data.set(k, v), remove: (k: string) => void data.delete(k) };
    const officer = storageTokenStore(storage);
    const owner = ownerTokenStore(storage);
    officer.set(pair(1));
    expect(owner.get()).toBeNull();
    owner.set({ accessToken: 'owner-1', refreshToken: '', expiresIn: 900 });
    expect(owner.get()).toEqual({ accessToken: 'owner-1', refreshToken: '', expiresIn: 0 });
    expect(officer.get()).toEqual(pair(1));
    owner.set(null);
    expect(owner.get()).toBeNull();
    expect(officer.get()).toEqual(pair(1));
  });
});
