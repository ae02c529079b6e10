import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), for POST requests with a JSON body.
 * https://cloud.tencent.com/document/api/213/30654
 */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface Tc3SignInput {
  secretId: string;
  secretKey: string;
  /** the product, e.g. `sms` (the first label of sms.tencentcloudapi.com) */
  service: string;
  host: string;
  action: string;
  payload: string;
  /** seconds since the epoch; the credential's date is its UTC day */
  timestamp: number;
  /**
   * Headers covered by the signature. The current SDKs sign `x-tc-action` too; the
   * documentation's worked example signs only content-type and host. Both are accepted.
   */
  signedHeaders?: Array<'content-type' | 'host' | 'x-tc-action'>;
}

export interface Tc3Signature {
  authorization: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
}

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export function signTc3(input: Tc3SignInput): Tc3Signature {
  const signedHeaderNames = input.signedHeaders ?? ['content-type', 'host', 'x-tc-action'];
  const headerValues: Record<string, string> = {
    'content-type': TC3_CONTENT_TYPE,
    host: input.host,
    'x-tc-action': input.action,
  };
  // names and values lower-cased and trimmed, one per line, in the order of SignedHeaders
  const canonicalHeaders = signedHeaderNames.map((name) => `${name}:${headerValues[name].trim().toLowerCase()}\n`).join('');
  const signedHeaders = signedHeaderNames.join(';');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256Hex(input.payload)].join('\n');

  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');

  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');

  const authorization = `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, signature, canonicalRequest, stringToSign, credentialScope };
}
