import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeTencentAccount {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
}

export interface ReceivedSms {
  phone: string;
  templateParams: string[];
  signName: string;
  templateId: string;
  region: string;
  signedHeaders: string;
}

const MAX_CLOCK_SKEW_SECONDS = 300;

type TencentAnswer = { Error: { Code: string; Message: string } } | { SendStatusSet: object[] };

/**
 * A local stand-in for sms.tencentcloudapi.com, API 2021-01-11 `SendSms`. It checks the
 * TC3-HMAC-SHA256 signature the way Tencent does — recomputed here independently of the client's
 * signer — and answers in Tencent's format: `{ Response: { SendStatusSet | Error, RequestId } }`.
 */
export class FakeTencentSmsServer {
  readonly sent: ReceivedSms[] = [];
  readonly rejected: string[] = [];
  /** per-number failures (the request succeeds, the number's status does not) */
  private readonly numberFailures = new Map<string, { code: string; message: string }>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly account: FakeTencentAccount,
  ) {}

  static async start(account: FakeTencentAccount): Promise<FakeTencentSmsServer> {
    let fake: FakeTencentSmsServer | undefined;
    const server = createServer((req, res) => fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeTencentSmsServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, account);
    return fake;
  }

  failNumber(phone: string, code: string, message: string): void {
    this.numberFailures.set(`+86${phone}`, { code, message });
  }

  clearFailures(): void {
    this.numberFailures.clear();
  }

  codesSentTo(phone: string): string[] {
    return this.sent.filter((m) => m.phone === `+86${phone}`).map((m) => m.templateParams[0]);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestId = randomUUID();
      const payload = Buffer.concat(chunks).toString('utf8');
      const answer = this.answer(req, payload);
      if ('Error' in answer) this.rejected.push(answer.Error.Code);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ Response: { ...answer, RequestId: requestId } }));
    });
  }

  private answer(req: IncomingMessage, payload: string): TencentAnswer {
    const error = (Code: string, Message: string): TencentAnswer => ({ Error: { Code, Message } });
    const header = (name: string) => String(req.headers[name] ?? '');
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') return error('UnsupportedOperation', 'only POST / is supported');
    if (header('x-tc-action') !== 'SendSms') return error('InvalidAction', `action ${header('x-tc-action')} not found`);
    if (header('x-tc-version') !== '2021-01-11') return error('NoSuchVersion', 'the requested version does not exist');
    if (!header('x-tc-region')) return error('MissingParameter', 'the request is missing a required parameter `Region`');

    const timestamp = Number(header('x-tc-timestamp'));
    if (!Number.isInteger(timestamp)) return error('InvalidParameter', 'X-TC-Timestamp must be an integer');
    if (Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      return error('AuthFailure.SignatureExpire', 'signature expired, timestamp and server time differ by more than 5 minutes');
    }
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      header('authorization'),
    );
    if (!auth) return error('AuthFailure.InvalidAuthorization', 'Authorization header is malformed');
    const [, secretId, date, signedHeaders, signature] = auth;
    if (secretId !== this.account.secretId) return error('AuthFailure.SecretIdNotFound', 'the SecretId is not found');
    const names = signedHeaders.split(';');
    if (!names.includes('content-type') || !names.includes('host')) return error('AuthFailure.InvalidAuthorization', 'content-type and host must be signed');
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return error('AuthFailure.SignatureFailure', 'credential date does not match the timestamp');
    if (!this.signatureMatches(req, payload, timestamp, date, names, signature)) {
      return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    }

    let body: { PhoneNumberSet?: unknown; SmsSdkAppId?: unknown; SignName?: unknown; TemplateId?: unknown; TemplateParamSet?: unknown };
    try {
      body = JSON.parse(payload);
    } catch {
      return error('InvalidParameter', 'the request body is not JSON');
    }
    if (body.SmsSdkAppId !== this.account.sdkAppId) return error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId does not exist');
    if (body.SignName !== this.account.signName) return error('FailedOperation.SignatureIncorrectOrUnapproved', 'signature is not approved or incorrect');
    if (body.TemplateId !== this.account.templateId) return error('FailedOperation.TemplateIncorrectOrUnapproved', 'template is not approved or incorrect');
    const params = Array.isArray(body.TemplateParamSet) ? body.TemplateParamSet.map(String) : [];
    if (params.length !== 2) return error('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', 'the template parameters do not match the template');
    if (!Array.isArray(body.PhoneNumberSet) || body.PhoneNumberSet.length === 0) return error('MissingParameter', 'PhoneNumberSet is required');

    const SendStatusSet = body.PhoneNumberSet.map((raw) => {
      const phone = String(raw);
      const base = { SerialNo: `2019:${randomBytes(9).toString('hex')}`, PhoneNumber: phone, SessionContext: '', IsoCode: 'CN' };
      if (!/^\+861[3-9]\d{9}$/.test(phone)) return { ...base, Fee: 0, Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'incorrect number format' };
      const failure = this.numberFailures.get(phone);
      if (failure) return { ...base, Fee: 0, Code: failure.code, Message: failure.message };
      this.sent.push({
        phone,
        templateParams: params,
        signName: String(body.SignName),
        templateId: String(body.TemplateId),
        region: header('x-tc-region'),
        signedHeaders,
      });
      return { ...base, Fee: 1, Code: 'Ok', Message: 'send success' };
    });
    return { SendStatusSet };
  }

  /** TC3-HMAC-SHA256 recomputed from what actually arrived: the headers named in SignedHeaders and the raw body. */
  private signatureMatches(req: IncomingMessage, payload: string, timestamp: number, date: string, names: string[], signature: string): boolean {
    const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
    const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
    const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().toLowerCase()}\n`).join('');
    const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${names.join(';')}\n${sha256(payload)}`;
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/sms/tc3_request\n${sha256(canonicalRequest)}`;
    const signingKey = hmac(hmac(hmac(`TC3${this.account.secretKey}`, date), 'sms'), 'tc3_request');
    const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  }
}
