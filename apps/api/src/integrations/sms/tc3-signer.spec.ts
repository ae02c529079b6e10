import { signTc3 } from './tc3-signer';

/**
 * The worked example of Tencent's "签名方法 v3" page (cvm DescribeInstances, 2019-02-25): the page
 * publishes the masked demo key below together with the canonical request, the string to sign and
 * the final signature, so the whole chain can be checked against numbers we did not compute.
 */
describe('TC3-HMAC-SHA256 signer', () => {
  const documented = {
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    action: 'DescribeInstances',
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    timestamp: 1551113065,
    signedHeaders: ['content-type', 'host'] as Array<'content-type' | 'host'>,
  };

  it('reproduces the documented canonical request, string to sign and signature', () => {
    const signed = signTc3(documented);
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('signs x-tc-action by default, lower-cased, and the signature depends on the key and the body', () => {
    const signed = signTc3({ ...documented, signedHeaders: undefined });
    expect(signed.canonicalRequest).toContain('\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n');
    expect(signed.authorization).toContain('SignedHeaders=content-type;host;x-tc-action,');
    expect(signTc3({ ...documented, secretKey: 'another-key' }).signature).not.toBe(signTc3(documented).signature);
    expect(signTc3({ ...documented, payload: '{}' }).signature).not.toBe(signTc3(documented).signature);
  });

  it('uses the UTC day of the timestamp in the credential scope', () => {
    // 2019-02-25T23:59:59Z is already the 26th in Beijing; Tencent wants the UTC date
    expect(signTc3({ ...documented, timestamp: 1551139199 }).credentialScope).toBe('2019-02-25/cvm/tc3_request');
    expect(signTc3({ ...documented, timestamp: 1551139200 }).credentialScope).toBe('2019-02-26/cvm/tc3_request');
  });
});
