import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { insertRows, inChunks, IDS_PER_STATEMENT } from '../sql/insert-rows';
import { escapeLike } from '../sql/like';
import { queryGrams, textGrams } from './ngrams';
import { TextSearchEntry, TextSearchGram } from './text-search.entities';

/** A condition with positional parameters, for plain SQL. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * `column contains search` answered from the domain's n-gram index: the texts holding the search's
 * grams (a few primary-key lookups), of which the LIKE keeps those that contain it, instead of a
 * '%…%' scan of every row. Gives the same rows as `column LIKE '%search%'` as long as every text of
 * the column is indexed (TextSearchIndex.add on write, sync on start).
 */
export function containsCondition(domain: string, column: string, search: string): SqlCondition {
  const [first, ...rest] = queryGrams(search);
  const joins = rest.map((_, i) => ` JOIN text_search_grams g${i + 1} ON g${i + 1}.domain = g0.domain AND g${i + 1}.entryId = g0.entryId AND g${i + 1}.gram = ?`).join('');
  return {
    sql: `${column} IN (SELECT e.text FROM text_search_grams g0${joins} JOIN text_search_entries e ON e.id = g0.entryId WHERE g0.domain = ? AND g0.gram = ? AND e.text LIKE ? ESCAPE '!')`,
    params: [...rest, domain, first, `%${escapeLike(search)}%`],
  };
}

/** containsCondition for the query builder: the same SQL with named parameters `<prefix>0`, `<prefix>1`, … */
export function containsWhere(domain: string, column: string, search: string, prefix = 'textSearch'): { sql: string; params: Record<string, unknown> } {
  const positional = containsCondition(domain, column, search);
  const params: Record<string, unknown> = {};
  let next = 0;
  const sql = positional.sql.replace(/\?/g, () => {
    const name = `${prefix}${next}`;
    params[name] = positional.params[next++];
    return `:${name}`;
  });
  return { sql, params };
}

/** The n-gram index's writes: new texts as they are written, and the texts written around it on start. */
@Injectable()
export class TextSearchIndex {
  constructor(private readonly dataSource: DataSource) {}

  /** Indexes texts of the domain (known ones are skipped); call it in the transaction that writes them. */
  async add(manager: EntityManager, domain: string, texts: readonly string[]): Promise<number> {
    const distinct = [...new Set(texts.filter((t) => t !== ''))];
    let added = 0;
    for (const chunk of inChunks(distinct, IDS_PER_STATEMENT)) {
      const known = new Set((await manager.find(TextSearchEntry, { select: { text: true }, where: { domain, text: In(chunk) } })).map((e) => e.text));
      // a collation may hold two spellings as one (MySQL: 'ABC' = 'abc'): the stored one stands for both
      const fresh = chunk.filter((t) => !known.has(t));
      if (!fresh.length) continue;
      await manager.createQueryBuilder().insert().into(TextSearchEntry).values(fresh.map((text) => ({ domain, text }))).orIgnore().updateEntity(false).execute();
      const entries = await manager.find(TextSearchEntry, { where: { domain, text: In(fresh) } });
      // grams equal under the column's collation (MySQL: 'a' = 'ä') share a key: the first one stays
      await insertRows(manager, TextSearchGram, entries.flatMap((e) => textGrams(e.text).map((gram) => ({ domain, gram, entryId: e.id }))), { ignoreDuplicates: true });
      added += entries.length;
    }
    return added;
  }

  /**
   * Indexes the texts of `table.column` that are not indexed yet (rows written by the seed, by an
   * import, or before the index existed). Cheap when nothing is missing: one anti-join.
   */
  async sync(domain: string, table: string, column: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const missing: Array<{ text: string }> = await manager.query(
        `SELECT DISTINCT t.${column} AS text FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM text_search_entries e WHERE e.domain = ? AND e.text = t.${column})`,
        [domain],
      );
      return this.add(manager, domain, missing.map((m) => m.text));
    });
  }
}
