import http from 'node:http';
import https from 'node:https';

/**
 * Plain HTTP(S) to WeChat's API with kept-alive connections. The message APIs are called
 * thousands of times a minute during a fan-out; node's http agents cost far less per call than
 * fetch's web streams and abort signals.
 */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
};

export interface HttpAnswer {
  status: number;
  text: string;
}

/** Rejects with a plain Error on network failures and timeouts; any HTTP status resolves. */
export function wechatRequest(url: URL, options: { method: 'GET' | 'POST'; body?: string; timeoutMs: number }): Promise<HttpAnswer> {
  const client = url.protocol === 'https:' ? https : http;
  const agent = AGENTS[url.protocol as keyof typeof AGENTS];
  if (!agent) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    const request = client.request(
      url,
      {
        method: options.method,
        agent,
        headers: body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.setTimeout(options.timeoutMs, () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
