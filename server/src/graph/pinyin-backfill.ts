import type { EntityType } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { pinyinKeys } from './pinyin.ts';

const BATCH = 5_000;

/**
 * Gives pinyin keys to entities written before they existed. An import skips unchanged articles
 * and so would never rewrite those entities; this runs with the schema on every start instead.
 * '' marks "no Han characters, nothing to key", so no entity is visited twice.
 */
export async function backfillPinyin(graph: Graph): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await graph.read<{ id: string; name: string; type: EntityType }>(cypher('schema/entities-without-pinyin'), { limit: BATCH });
    if (rows.length === 0) return total;
    const keyed = rows.map(({ id, name, type }) => {
      const keys = pinyinKeys(name, type);
      return { id, pinyin: keys?.pinyin ?? '', initials: keys?.initials ?? '' };
    });
    await graph.write(cypher('schema/set-pinyin'), { rows: keyed });
    total += rows.length;
  }
}
