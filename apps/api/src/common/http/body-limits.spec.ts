import type { IncomingMessage } from 'node:http';
import { JSON_MAX_DEPTH, jsonBodyOptions, jsonDepthExceeds } from './body-limits';

const depth = (n: number) => Buffer.from(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

describe('jsonDepthExceeds', () => {
  it('passes the limit itself and refuses one level more', () => {
    expect(jsonDepthExceeds(depth(JSON_MAX_DEPTH), JSON_MAX_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(depth(JSON_MAX_DEPTH + 1), JSON_MAX_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from('['.repeat(5000)), JSON_MAX_DEPTH)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ text: '[[[[[[\\"[[[[{{{{' })), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ text: 'say "[[[["', list: [[1]] })), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ text: 'say "[[[["', list: [[[1]]] })), 3)).toBe(true);
  });
});

describe('jsonBodyOptions.verify (before the body is decoded and parsed)', () => {
  const verify = (text: string, charset: string, encoding: BufferEncoding = 'utf8') => {
    try {
      jsonBodyOptions.verify({} as IncomingMessage, {}, Buffer.from(text, encoding), charset);
      return null;
    } catch (error) {
      const { status, type } = error as { status: number; type: string };
      return { status, type };
    }
  };
  const deepInString = `["\\"", ${'['.repeat(3000)}${']'.repeat(3000)}]`;

  it('takes UTF-8, the only charset whose bytes the depth scan reads as JSON', () => {
    expect(verify('{"a":[1]}', 'utf-8')).toBeNull();
    expect(verify(`{"a":${'['.repeat(JSON_MAX_DEPTH + 1)}${']'.repeat(JSON_MAX_DEPTH + 1)}}`, 'utf-8')).toEqual({ status: 400, type: 'entity.too.deep' });
  });

  it('refuses any other charset with 415, so UTF-16 cannot hide brackets from the scan', () => {
    // in UTF-16 the scan would read the escaped quote as closing the string and skip every bracket after it
    expect(jsonDepthExceeds(Buffer.from(deepInString, 'utf16le'), JSON_MAX_DEPTH)).toBe(false);
    expect(verify(deepInString, 'utf-16le', 'utf16le')).toEqual({ status: 415, type: 'charset.unsupported' });
    for (const charset of ['utf-16', 'utf-16be', 'utf-32', 'utf-7']) expect({ charset, refused: verify('{}', charset) }).toEqual({ charset, refused: { status: 415, type: 'charset.unsupported' } });
  });
});
