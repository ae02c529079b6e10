/** Escapes LIKE wildcards with '!', an escape character MySQL and SQLite read alike (use with ESCAPE '!'). */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
