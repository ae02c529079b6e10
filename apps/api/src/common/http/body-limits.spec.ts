import { JSON_MAX_DEPTH, jsonDepthExceeds } from './body-limits';

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
