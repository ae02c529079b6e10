import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com's official-account OAuth (/sns/oauth2/access_token): the
 * test issues the code WeChat would put on the OAuth redirect for an openid; a code works once.
 */
export class FakeWechat {
  private readonly codes = new Map<string, { openid: string; used: boolean }>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly appId: string,
    readonly secret: string,
  ) {}

  static async start(appId: string, secret: string): Promise<FakeWechat> {
    let fake: FakeWechat | undefined;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', fake!.url);
      const answer = fake!.answer(url);
      res.writeHead(answer.status, { 'Content-Type': 'application/json; encoding=utf-8' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeWechat(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, appId, secret);
    return fake;
  }

  issueOaCode(openid: string): string {
    const code = `oa${randomBytes(12).toString('hex')}`;
    this.codes.set(code, { openid, used: false });
    return code;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(url: URL): { status: number; body: object } {
    if (url.pathname !== '/sns/oauth2/access_token') return { status: 404, body: { errcode: 404, errmsg: 'not found' } };
    const q = url.searchParams;
    if (q.get('appid') !== this.appId) return { status: 200, body: { errcode: 40013, errmsg: 'invalid appid' } };
    if (q.get('secret') !== this.secret) return { status: 200, body: { errcode: 40125, errmsg: 'invalid appsecret' } };
    const issued = this.codes.get(q.get('code') ?? '');
    if (!issued) return { status: 200, body: { errcode: 40029, errmsg: 'invalid code' } };
    if (issued.used) return { status: 200, body: { errcode: 40163, errmsg: 'code been used' } };
    issued.used = true;
    return {
      status: 200,
      body: { access_token: `ACCESS_${randomBytes(8).toString('hex')}`, expires_in: 7200, refresh_token: `REFRESH_${randomBytes(8).toString('hex')}`, openid: issued.openid, scope: 'snsapi_base' },
    };
  }
}
