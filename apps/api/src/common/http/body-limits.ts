import type { IncomingMessage } from 'node:http';

/** The largest JSON body any route takes (uploads are multipart, with limits of their own): larger is a 413. */
export const JSON_BODY_LIMIT = '1mb';

/** The deepest nesting of arrays and objects a JSON body may have; the deepest DTO nests a handful of levels. */
export const JSON_MAX_DEPTH = 32;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deep the brackets of raw JSON nest (outside strings), stopping as soon as `limit` is passed. */
export function jsonDepthExceeds(raw: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * body-parser's `verify` hook: runs on the raw bytes before they are decoded and parsed. The depth
 * scan reads bytes as UTF-8 (where no byte of a multi-byte character looks like a bracket or a
 * quote); body-parser also decodes UTF-16 and UTF-32, in which the scan would misread the quotes and
 * miss the brackets, so any charset but UTF-8 is refused with a 415 first. Then a deeply nested
 * body is refused with a 400 before JSON.parse (and before anything recurses through it). The
 * errors' `type` makes the exception filter answer UNSUPPORTED_CHARSET or MALFORMED_BODY.
 */
export function verifyJsonBody(_request: IncomingMessage, _response: unknown, raw: Buffer, charset: string | null): void {
  if (charset !== 'utf-8') {
    throw Object.assign(new Error(`JSON must be UTF-8, not ${String(charset)}`), { status: 415, type: 'charset.unsupported', charset });
  }
  if (jsonDepthExceeds(raw, JSON_MAX_DEPTH)) {
    throw Object.assign(new Error(`JSON nested deeper than ${JSON_MAX_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
  }
}

export const jsonBodyOptions = { limit: JSON_BODY_LIMIT, verify: verifyJsonBody };
