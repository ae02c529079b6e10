import { Batcher } from './batcher';

describe('Batcher', () => {
  it('runs a lone key at once and groups the keys that arrive while batches are busy', async () => {
    const batches: number[][] = [];
    const release: Array<() => void> = [];
    const batcher = new Batcher<number, string>(
      (keys) => {
        batches.push(keys);
        return new Promise((resolve) => release.push(() => resolve(keys.map((k) => `v${k}`))));
      },
      3,
      1,
    );
    const first = batcher.load(1);
    const rest = [2, 3, 4, 5].map((k) => batcher.load(k));
    expect(batches).toEqual([[1]]);
    release.shift()!();
    expect(await first).toBe('v1');
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
    release.shift()!();
    expect(await Promise.all(rest)).toEqual(['v2', 'v3', 'v4', 'v5']);
  });

  it('fails every caller of a failed batch, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(async (keys) => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
      return keys.map((k) => k * 2);
    }, 10, 1);
    await expect(batcher.load(1)).rejects.toThrow('database gone');
    expect(await batcher.load(2)).toBe(4);
  });
});
