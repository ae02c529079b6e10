/**
 * The n-grams of the text-search index: every character and every pair of adjacent characters, in
 * lower case (SQLite's LIKE folds ASCII case; MySQL's collation folds more, and compares the grams
 * with the same collation). Characters are code points, so a Chinese character is one.
 */
export function textGrams(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** At most this many grams narrow a search; the LIKE on the few candidate texts decides. */
export const MAX_QUERY_GRAMS = 4;

/**
 * The grams a search needs: the character of a one-character search, else pairs spread over the
 * search (first, last and between). Every text containing the search contains all of them.
 */
export function queryGrams(search: string): string[] {
  const chars = [...search.toLowerCase()];
  if (chars.length === 1) return chars;
  const pairs = [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
  if (pairs.length <= MAX_QUERY_GRAMS) return pairs;
  const step = (pairs.length - 1) / (MAX_QUERY_GRAMS - 1);
  return [...new Set(Array.from({ length: MAX_QUERY_GRAMS }, (_, i) => pairs[Math.round(i * step)]))];
}
