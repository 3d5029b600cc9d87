import { entityId, isEventType, type ArticleInput, type EntityType, type Extraction } from '@guanxi/shared';
import type { QueryResult } from 'neo4j-driver';
import { cypher, cypherStatements } from './cypher.ts';
import type { Graph } from './db.ts';
import { log } from '../log.ts';
import { coMentionPairs, withEvidenceTable } from './co-mentions.ts';
import { CONNECTION_EVIDENCE, ensureConnectionLayer } from './connection-layer.ts';
import { HUB_RANKING } from './hub-ranking.ts';
import { upkeepHubs } from './hub-upkeep.ts';
import { pinyinKeys } from './pinyin.ts';
import { backfillPinyin } from './pinyin-backfill.ts';

/** An article ready to be written: what was read, what was extracted, and a hash of both. */
export interface PreparedArticle {
  article: ArticleInput;
  extraction: Extraction;
  /** Hash of the input and the extractor's version: equal hash, nothing to write. */
  hash: string;
}

export interface WriteCounts {
  articles: number;
  entities: number;
  mentions: number;
  relations: number;
  pruned: number;
}

// Full-text indexes by name → the statement that drops one (names are fixed, never user input).
const DROP_FULLTEXT: Record<string, string> = {
  entity_search: 'schema/drop-entity-search',
  article_search: 'schema/drop-article-search',
};

export async function applySchema(graph: Graph): Promise<void> {
  // An older database's full-text indexes are synchronous: drop them, the schema recreates them.
  const configs = await graph.read<{ name: string; eventuallyConsistent: boolean }>(cypher('schema/fulltext-configs'));
  for (const { name, eventuallyConsistent } of configs) {
    const drop = DROP_FULLTEXT[name];
    if (drop && !eventuallyConsistent) await graph.write(cypher(drop));
  }
  for (const statement of cypherStatements('schema')) await graph.write(statement);
  await backfillPinyin(graph);
  // Waits so that the first search after start sees the new full-text indexes.
  await graph.read('CALL db.awaitIndexes(300)');
  await ensureConnectionLayer(graph, (done, what) => log.info({ done, what }, 'building the connection layer'));
}

/** Waits until full-text search sees every committed write (its indexes are eventually consistent). */
export async function awaitSearchable(graph: Graph): Promise<void> {
  await graph.read(cypher('schema/await-fulltext'));
}

/** The stored content hash of each of these articles that exists already. */
export async function storedHashes(graph: Graph, ids: string[]): Promise<Map<string, string>> {
  const rows = await graph.read<{ id: string; hash: string | null }>(cypher('import/article-hashes'), { ids });
  return new Map(rows.map((row) => [row.id, row.hash ?? '']));
}

interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  code: string | null;
  /** Pinyin search keys (see graph/pinyin.ts); '' for names without Han characters. */
  pinyin: string;
  initials: string;
}

/** Strings or rows sent once per batch and cited by position. */
class Table<T> {
  readonly rows: T[] = [];
  private readonly index = new Map<string, number>();

  /** The position of the row with this key, added by `make` the first time. */
  ref(key: string, make: () => T): number {
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.rows.push(make()) - 1;
      this.index.set(key, at);
    }
    return at;
  }
}

/**
 * Flattens a batch into the parameter lists of `write-batch`. Mentions, bylines and relations cite
 * their article, entities and sentences by position in `articles`, `entities` and `sentences`: an
 * article's entities often share a sentence, and node ids or repeated sentences were half the bytes
 * the driver encoded and the socket carried. An article given twice in a batch is written once, as
 * last given.
 */
export function toWriteParams(batch: PreparedArticle[]) {
  const last = new Map(batch.map((prepared) => [prepared.article.id, prepared]));
  const unique = batch.length === last.size ? batch : [...last.values()];
  const sentences = new Table<string>();
  const sentenceRef = (text: string) => sentences.ref(text, () => text);
  const entities = new Table<EntityRow>();
  const addEntity = (type: EntityType, name: string, aliases: string[] = [], code?: string) => {
    const id = entityId(type, name);
    const at = entities.ref(id, () => {
      const keys = pinyinKeys(name, type);
      // '' (not null) for a name without Han characters: keyed already, nothing for the backfill to do.
      return { id, type, name, aliases: [], code: code ?? null, pinyin: keys?.pinyin ?? '', initials: keys?.initials ?? '' };
    });
    const row = entities.rows[at]!;
    for (const alias of aliases) if (!row.aliases.includes(alias)) row.aliases.push(alias);
    return at;
  };
  const mentions = [];
  const authors = [];
  const relations = [];
  for (const [article, { article: input, extraction }] of unique.entries()) {
    for (const entity of extraction.entities) {
      const at = addEntity(entity.type, entity.name, entity.aliases, entity.code);
      // Entities named only by a relation (a province above a county) exist through that relation.
      if (entity.mentions.length === 0) continue;
      const texts = [...new Set(entity.mentions.map((m) => m.sentence))].map((index) => {
        const sentence = extraction.sentences[index];
        return sentence ? input.body.slice(sentence.start, sentence.end).trim() : '';
      });
      mentions.push({
        article,
        entity: at,
        count: entity.mentions.length,
        offsets: entity.mentions.flatMap((m) => [m.start, m.end]),
        sentences: texts.filter(Boolean).map(sentenceRef),
        names: [...new Set(entity.mentions.map((m) => input.body.slice(m.start, m.end)))],
      });
    }
    for (const name of new Set([...input.authors, ...extraction.authors])) {
      authors.push({ article, person: addEntity('Person', name) });
    }
    for (const relation of extraction.relations) {
      relations.push({
        article,
        type: relation.type,
        from: addEntity(relation.fromType, relation.from),
        to: addEntity(relation.toType, relation.to),
        title: relation.title ?? null,
        asOf: relation.type === 'HOLDS_POSITION' ? (relation.asOf ?? input.date ?? null) : null,
        date: isEventType(relation.type) ? (relation.date ?? input.date ?? null) : null,
        confidence: relation.confidence ?? null,
        trigger: relation.trigger ?? null,
        source: relation.source ?? null,
        // A relation the gazetteer implies cites no sentence.
        evidence: relation.source || relation.evidence === '' ? null : sentenceRef(relation.evidence),
      });
    }
  }
  const articles = unique.map(({ article, hash }) => ({
    id: article.id,
    title: article.title,
    subtitle: article.subtitle ?? null,
    body: article.body,
    date: article.date ?? null,
    dateSource: article.dateSource ?? null,
    source: article.source ?? null,
    url: article.url ?? null,
    lang: article.lang ?? null,
    file: article.origin.file,
    hash,
  }));
  return { articles, entities: entities.rows, mentions, authors, relations, sentences: sentences.rows };
}

export type WriteParams = ReturnType<typeof toWriteParams>;

export interface WriteOptions {
  /**
   * false: leave the connection layer and the entities' counts alone (bench:api measures what they
   * cost an import); a database written so is stale until rebuilt. Default true.
   */
  connections?: boolean;
}

/**
 * Writes a batch in one transaction: every article with all its mentions and relations lands, or
 * none does. A changed article replaces its old links; entities left without evidence are removed.
 * The connection layer (CO_MENTIONED) moves with the mentions, in the same transaction: an article's
 * old co-mentions are taken out before its links are cleared, its new ones added after they are
 * written; the counts and first/last sighting that entities are ranked by follow.
 */
export async function writeBatch(graph: Graph, batch: PreparedArticle[], options: WriteOptions = {}): Promise<WriteCounts> {
  const params = toWriteParams(batch);
  return graph.writeTransaction((tx) => writeStatements((name, p) => tx.run(cypher(name), p), params, options.connections ?? true));
}

/** Runs one named statement of `cypher/` in the caller's transaction (bench:api profiles each). */
export type RunStatement = (name: string, params: Record<string, unknown>) => Promise<QueryResult>;

/** writeBatch's statements, in order, through `run`. */
export async function writeStatements(run: RunStatement, params: WriteParams, layer: boolean): Promise<WriteCounts> {
  const ids = params.articles.map((a) => a.id);
  if (layer) await run('connections/subtract', { ids, evidence: CONNECTION_EVIDENCE });
  if (layer) await run('entities/mark-stale', { ids });
  const cleared = await run('import/clear-article-links', { ids });
  const touched: string[] = cleared.records[0]?.get('touched') ?? [];
  await run('import/write-batch', params);
  if (layer) {
    const pairs = coMentionPairs(params.articles, params.entities.map((e) => e.id), params.mentions, CONNECTION_EVIDENCE);
    await run('connections/add-pairs', { ...withEvidenceTable(pairs, params.sentences), evidence: CONNECTION_EVIDENCE });
    await run('entities/note-seen', { ids });
    await run('entities/refresh', { ids: [...new Set([...touched, ...params.entities.map((e) => e.id)])], ...HUB_RANKING });
  }
  const pruned = await run('import/prune-entities', { ids: touched });
  await run('connections/bump-generation', {});
  return {
    articles: params.articles.length,
    entities: params.entities.length,
    mentions: params.mentions.length + params.authors.length,
    relations: params.relations.length,
    pruned: Number(pruned.records[0]?.get('pruned') ?? 0),
  };
}

/** Deletes articles with the same clean-up as an update: their evidence goes, orphaned entities go. */
export async function deleteArticles(graph: Graph, ids: string[]): Promise<{ deleted: number; pruned: number }> {
  const result = await graph.writeTransaction(async (tx) => {
    await tx.run(cypher('connections/subtract'), { ids, evidence: CONNECTION_EVIDENCE });
    await tx.run(cypher('entities/mark-stale'), { ids });
    const cleared = await tx.run(cypher('import/clear-article-links'), { ids });
    const touched: string[] = cleared.records[0]?.get('touched') ?? [];
    const deleted = await tx.run(cypher('import/delete-articles'), { ids });
    await tx.run(cypher('entities/refresh'), { ids: touched, ...HUB_RANKING });
    const pruned = await tx.run(cypher('import/prune-entities'), { ids: touched });
    await tx.run(cypher('connections/bump-generation'));
    return {
      deleted: Number(deleted.records[0]?.get('deleted') ?? 0),
      pruned: Number(pruned.records[0]?.get('pruned') ?? 0),
    };
  });
  await upkeepHubs(graph);
  await awaitSearchable(graph);
  return result;
}

export async function articleIdsBySource(graph: Graph, source: string): Promise<string[]> {
  const rows = await graph.read<{ id: string }>(cypher('import/article-ids-by-source'), { source });
  return rows.map((row) => row.id);
}
