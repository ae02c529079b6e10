import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeWechatApp {
  appId: string;
  secret: string;
}

interface IssuedCode {
  openid: string;
  used: boolean;
}

type Answer = { status: number; body: string; contentType: string };

/** A message WeChat accepted (and would show the user). */
export interface ReceivedWechatMessage {
  api: 'subscribe' | 'template';
  touser: string;
  templateId: string;
  /** subscribe: page; template: miniprogram.pagepath or url */
  link: string | null;
  data: Record<string, { value: string }>;
  clientMsgId: string | null;
  msgid: number;
  at: number;
}

const CLIENT_MSG_ID_WINDOW_MS = 10 * 60_000;

/**
 * A local stand-in for api.weixin.qq.com: the official account's /sns/oauth2/access_token and the
 * mini-program's /sns/jscode2session, with WeChat's answers and errcodes. Codes are issued by the
 * test (as WeChat would hand them to the page or to wx.login) and work once.
 *
 * The message APIs too: /cgi-bin/token (client_credential), /cgi-bin/message/subscribe/send
 * (mini-program) and /cgi-bin/message/template/send (official account, with WeChat's
 * client_msg_id de-duplication). Accepted messages are kept in `messages`; the test can make
 * users refuse subscriptions (43101), unfollow (43004), have unknown openids (40003), make tokens
 * invalid (40001) and make sends fail transiently.
 */
export class FakeWechatServer {
  readonly requests: Array<{ path: string; query: Record<string, string> }> = [];
  readonly messages: ReceivedWechatMessage[] = [];
  /** resends WeChat swallowed because openid + client_msg_id was seen within ten minutes */
  dedupedByClientMsgId = 0;
  tokensIssued = 0;
  private readonly oaCodes = new Map<string, IssuedCode>();
  private readonly miniCodes = new Map<string, IssuedCode>();
  private queuedFailures: Answer[] = [];
  /** access token → app id, while valid */
  private readonly tokens = new Map<string, string>();
  private readonly refusedSubscriptions = new Set<string>();
  private readonly notFollowing = new Set<string>();
  private readonly unknownOpenids = new Set<string>();
  /** failures for message sends only (the token endpoint is not affected) */
  private sendFailures: Answer[] = [];
  private readonly failuresByOpenid = new Map<string, Answer[]>();
  private readonly clientMsgIds = new Map<string, { msgid: number; at: number }>();
  private nextMsgid = 1_000_000;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly apps: { oa: FakeWechatApp; mini: FakeWechatApp },
  ) {}

  static async start(apps: { oa: FakeWechatApp; mini: FakeWechatApp }): Promise<FakeWechatServer> {
    let fake: FakeWechatServer | undefined;
    const server = createServer((req, res) => fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeWechatServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apps);
    return fake;
  }

  /** the code WeChat puts on the OAuth redirect for this official-account openid */
  issueOaCode(openid: string): string {
    const code = `oa${randomBytes(12).toString('hex')}`;
    this.oaCodes.set(code, { openid, used: false });
    return code;
  }

  /** the code wx.login returns to the mini-program for this openid */
  issueMiniCode(openid: string): string {
    const code = `mp${randomBytes(12).toString('hex')}`;
    this.miniCodes.set(code, { openid, used: false });
    return code;
  }

  /** the next request gets WeChat's error answer instead */
  failNextWith(errcode: number, errmsg: string): void {
    this.queuedFailures.push(json(200, { errcode, errmsg: `${errmsg}, rid: ${randomBytes(4).toString('hex')}` }));
  }

  /** the next request gets a broken answer (an HTML error page from a proxy) */
  breakNext(): void {
    this.queuedFailures.push({ status: 502, body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' });
  }

  /** the user has not accepted (or has used up) the mini-program subscription: 43101 */
  refuseSubscription(openid: string): void {
    this.refusedSubscriptions.add(openid);
  }

  /** the user does not follow the official account: 43004 */
  unfollow(openid: string): void {
    this.notFollowing.add(openid);
  }

  /** an openid WeChat does not know under this app: 40003 */
  forgetOpenid(openid: string): void {
    this.unknownOpenids.add(openid);
  }

  /** every access token issued so far stops working: 40001 (invalid credential) or 42001 (expired) */
  invalidateAccessTokens(errcode: 40001 | 42001 = 40001): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, `revoked:${errcode}`);
  }

  /** the next `count` message sends (any user) get this errcode, e.g. -1 system busy or 45009 quota */
  failNextSendsWith(count: number, errcode: number, errmsg: string): void {
    for (let i = 0; i < count; i++) this.sendFailures.push(json(200, { errcode, errmsg }));
  }

  /** the next `count` message sends (any user) answer 502 from a proxy */
  breakNextSends(count: number): void {
    for (let i = 0; i < count; i++) this.sendFailures.push({ status: 502, body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' });
  }

  /** the next `count` sends to this openid get this errcode */
  failSendsTo(openid: string, count: number, errcode: number, errmsg: string): void {
    const queue = this.failuresByOpenid.get(openid) ?? [];
    for (let i = 0; i < count; i++) queue.push(json(200, { errcode, errmsg }));
    this.failuresByOpenid.set(openid, queue);
  }

  messagesTo(openid: string): ReceivedWechatMessage[] {
    return this.messages.filter((m) => m.touser === openid);
  }

  /** requests that reached a message endpoint (accepted or not) */
  sendAttempts(openid?: string): number {
    return this.requests.filter((r) => r.path.startsWith('/cgi-bin/message/') && (!openid || r.query.touser === openid)).length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.url);
      const query = Object.fromEntries(url.searchParams.entries());
      const body = Buffer.concat(chunks).toString('utf8');
      const record = { path: url.pathname, query };
      this.requests.push(record);
      const answer = this.queuedFailures.shift() ?? this.answer(req.method ?? 'GET', url.pathname, query, body, record);
      res.writeHead(answer.status, { 'Content-Type': answer.contentType });
      res.end(answer.body);
    });
  }

  private answer(method: string, path: string, query: Record<string, string>, body: string, record: { query: Record<string, string> }): Answer {
    if (path === '/cgi-bin/message/subscribe/send' || path === '/cgi-bin/message/template/send') {
      if (method !== 'POST') return json(200, { errcode: 43002, errmsg: 'require POST method' });
      return this.send(path === '/cgi-bin/message/subscribe/send' ? 'subscribe' : 'template', query, body, record);
    }
    if (method !== 'GET') return json(200, { errcode: 43001, errmsg: 'require GET method' });
    if (path === '/cgi-bin/token') return this.issueAccessToken(query);
    if (path === '/sns/oauth2/access_token') {
      const refused = this.checkApp(this.apps.oa, query, 'code');
      if (refused) return refused;
      const issued = this.take(this.oaCodes, query.code);
      if ('errcode' in issued) return json(200, issued);
      return json(200, {
        access_token: `ACCESS_${randomBytes(16).toString('hex')}`,
        expires_in: 7200,
        refresh_token: `REFRESH_${randomBytes(16).toString('hex')}`,
        openid: issued.openid,
        scope: 'snsapi_base',
      });
    }
    if (path === '/sns/jscode2session') {
      const refused = this.checkApp(this.apps.mini, query, 'js_code');
      if (refused) return refused;
      const issued = this.take(this.miniCodes, query.js_code);
      if ('errcode' in issued) return json(200, issued);
      return json(200, { openid: issued.openid, session_key: randomBytes(16).toString('base64') });
    }
    return { status: 404, body: 'not found', contentType: 'text/plain' };
  }

  private issueAccessToken(query: Record<string, string>): Answer {
    if (query.grant_type !== 'client_credential') return json(200, { errcode: 40002, errmsg: 'invalid grant_type' });
    const app = [this.apps.oa, this.apps.mini].find((a) => a.appId === query.appid);
    if (!app) return json(200, { errcode: 40013, errmsg: 'invalid appid' });
    if (query.secret !== app.secret) return json(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    const token = `TOKEN_${randomBytes(24).toString('hex')}`;
    this.tokens.set(token, app.appId);
    this.tokensIssued += 1;
    return json(200, { access_token: token, expires_in: 7200 });
  }

  private send(api: 'subscribe' | 'template', query: Record<string, string>, body: string, record: { query: Record<string, string> }): Answer {
    const app = api === 'subscribe' ? this.apps.mini : this.apps.oa;
    const holder = this.tokens.get(query.access_token ?? '');
    if (!holder) return json(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    if (holder.startsWith('revoked:')) {
      const errcode = Number(holder.slice('revoked:'.length));
      return json(200, errcode === 42001 ? { errcode, errmsg: 'access_token expired' } : { errcode, errmsg: 'invalid credential, access_token is invalid or not latest' });
    }
    if (holder !== app.appId) return json(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    let message: { touser?: unknown; template_id?: unknown; page?: unknown; url?: unknown; miniprogram?: { pagepath?: unknown }; data?: unknown; client_msg_id?: unknown };
    try {
      message = JSON.parse(body);
    } catch {
      return json(200, { errcode: 47001, errmsg: 'data format error' });
    }
    const touser = typeof message.touser === 'string' ? message.touser : '';
    // kept on the request record so tests can count attempts per user
    record.query = { ...record.query, touser };
    if (!touser) return json(200, { errcode: 40003, errmsg: 'invalid openid' });
    if (typeof message.template_id !== 'string' || !message.template_id) return json(200, { errcode: 40037, errmsg: 'invalid template_id' });
    if (typeof message.data !== 'object' || message.data === null) return json(200, { errcode: 47003, errmsg: 'argument invalid! data is empty' });
    const queued = this.failuresByOpenid.get(touser)?.shift() ?? this.sendFailures.shift();
    if (queued) return queued;
    if (this.unknownOpenids.has(touser)) return json(200, { errcode: 40003, errmsg: 'invalid openid' });
    if (api === 'subscribe' && this.refusedSubscriptions.has(touser)) return json(200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    if (api === 'template' && this.notFollowing.has(touser)) return json(200, { errcode: 43004, errmsg: 'require subscribe' });
    for (const [key, value] of Object.entries(message.data as Record<string, { value?: unknown }>)) {
      if (typeof value?.value !== 'string') return json(200, { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` });
      if (/^thing\d+$/.test(key) && [...value.value].length > 20) return json(200, { errcode: 47003, errmsg: `argument invalid! data.${key}.value too long` });
    }
    const clientMsgId = api === 'template' && typeof message.client_msg_id === 'string' ? message.client_msg_id : null;
    const now = Date.now();
    if (clientMsgId) {
      const seen = this.clientMsgIds.get(`${touser}:${clientMsgId}`);
      if (seen && now - seen.at < CLIENT_MSG_ID_WINDOW_MS) {
        this.dedupedByClientMsgId += 1;
        return json(200, { errcode: 0, errmsg: 'ok', msgid: seen.msgid });
      }
    }
    const msgid = this.nextMsgid++;
    if (clientMsgId) this.clientMsgIds.set(`${touser}:${clientMsgId}`, { msgid, at: now });
    const link = api === 'subscribe' ? message.page : (message.miniprogram?.pagepath ?? message.url);
    this.messages.push({
      api,
      touser,
      templateId: message.template_id,
      link: typeof link === 'string' ? link : null,
      data: message.data as ReceivedWechatMessage['data'],
      clientMsgId,
      msgid,
      at: now,
    });
    return json(200, api === 'template' ? { errcode: 0, errmsg: 'ok', msgid } : { errcode: 0, errmsg: 'ok' });
  }

  private checkApp(app: FakeWechatApp, query: Record<string, string>, codeParam: string): Answer | null {
    if (!query.appid) return json(200, { errcode: 41002, errmsg: 'appid missing' });
    if (query.appid !== app.appId) return json(200, { errcode: 40013, errmsg: 'invalid appid' });
    if (query.secret !== app.secret) return json(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    if (query.grant_type !== 'authorization_code') return json(200, { errcode: 40002, errmsg: 'invalid grant_type' });
    if (!query[codeParam]) return json(200, { errcode: 41008, errmsg: 'missing code' });
    return null;
  }

  private take(codes: Map<string, IssuedCode>, code: string): { openid: string } | { errcode: number; errmsg: string } {
    const issued = codes.get(code);
    if (!issued) return { errcode: 40029, errmsg: 'invalid code' };
    if (issued.used) return { errcode: 40163, errmsg: 'code been used' };
    issued.used = true;
    return { openid: issued.openid };
  }
}

function json(status: number, body: object): Answer {
  // WeChat labels its JSON this way
  return { status, body: JSON.stringify(body), contentType: 'application/json; encoding=utf-8' };
}
