/**
 * How alike two 纠纷简述 are: the Dice coefficient of their character bigrams (Chinese has no word
 * spaces, so characters pairs are the usual unit), after dropping spaces and punctuation. 1 for
 * the same text, 0 for nothing in common.
 */
export function bigrams(text: string): Map<string, number> {
  const clean = text.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
  const grams = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i++) {
    const gram = clean.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  if (clean.length === 1) grams.set(clean, 1);
  return grams;
}

export function summarySimilarity(a: string | Map<string, number>, b: string | Map<string, number>): number {
  const left = typeof a === 'string' ? bigrams(a) : a;
  const right = typeof b === 'string' ? bigrams(b) : b;
  let sizeLeft = 0;
  let sizeRight = 0;
  let shared = 0;
  for (const n of left.values()) sizeLeft += n;
  for (const [gram, n] of right) {
    sizeRight += n;
    shared += Math.min(n, left.get(gram) ?? 0);
  }
  if (!sizeLeft || !sizeRight) return 0;
  return Math.round(((2 * shared) / (sizeLeft + sizeRight)) * 1000) / 1000;
}

/** Too short to compare: a few characters typed so far match everything. */
export const MIN_SUMMARY_CHARS = 6;
