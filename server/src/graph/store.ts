import { entityId, type ArticleInput, type EntityType, type Extraction } from '@guanxi/shared';
import { cypher, cypherStatements } from './cypher.ts';
import type { Graph } from './db.ts';

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
  // Waits so that the first search after start sees the new full-text indexes.
  await graph.read('CALL db.awaitIndexes(300)');
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
}

/** Flattens a batch into the parameter lists of the UNWIND statements. */
export function toWriteParams(batch: PreparedArticle[]) {
  const entities = new Map<string, EntityRow>();
  const addEntity = (type: EntityType, name: string, aliases: string[] = [], code?: string) => {
    const id = entityId(type, name);
    const row = entities.get(id);
    if (!row) entities.set(id, { id, type, name, aliases: [...new Set(aliases)], code: code ?? null });
    else for (const alias of aliases) if (!row.aliases.includes(alias)) row.aliases.push(alias);
    return id;
  };
  const mentions = [];
  const authors = [];
  const relations = [];
  for (const { article, extraction } of batch) {
    for (const entity of extraction.entities) {
      const id = addEntity(entity.type, entity.name, entity.aliases, entity.code);
      // Entities named only by a relation (a province above a county) exist through that relation.
      if (entity.mentions.length === 0) continue;
      const sentences = [...new Set(entity.mentions.map((m) => m.sentence))].map((index) => {
        const sentence = extraction.sentences[index];
        return sentence ? article.body.slice(sentence.start, sentence.end).trim() : '';
      });
      mentions.push({
        article: article.id,
        entity: id,
        count: entity.mentions.length,
        offsets: entity.mentions.flatMap((m) => [m.start, m.end]),
        sentences: sentences.filter(Boolean),
        names: [...new Set(entity.mentions.map((m) => article.body.slice(m.start, m.end)))],
      });
    }
    for (const name of new Set([...article.authors, ...extraction.authors])) {
      authors.push({ article: article.id, person: addEntity('Person', name) });
    }
    for (const relation of extraction.relations) {
      relations.push({
        article: article.id,
        type: relation.type,
        from: addEntity(relation.fromType, relation.from),
        to: addEntity(relation.toType, relation.to),
        title: relation.title ?? null,
        asOf: relation.type === 'HOLDS_POSITION' ? (article.date ?? null) : null,
        evidence: relation.evidence,
      });
    }
  }
  const articles = batch.map(({ article, hash }) => ({
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
  return { articles, entities: [...entities.values()], mentions, authors, relations };
}

/** id → element id, from the rows a write statement returned; valid only within its transaction. */
function nodesById(result: { records: { get(key: string): unknown }[] }): (id: string) => string {
  const nodes = new Map<string, string>();
  for (const record of result.records) nodes.set(record.get('id') as string, record.get('node') as string);
  return (id) => {
    const node = nodes.get(id);
    if (node === undefined) throw new Error(`no node was written for ${id} in this batch`);
    return node;
  };
}

/**
 * Writes a batch in one transaction: every article with all its mentions and relations lands, or
 * none does. A changed article replaces its old links; entities left without evidence are removed.
 */
export async function writeBatch(graph: Graph, batch: PreparedArticle[]): Promise<WriteCounts> {
  const params = toWriteParams(batch);
  const ids = params.articles.map((a) => a.id);
  return graph.writeTransaction(async (tx) => {
    const cleared = await tx.run(cypher('import/clear-article-links'), { ids });
    const touched: string[] = cleared.records[0]?.get('touched') ?? [];
    const articleNode = nodesById(await tx.run(cypher('import/upsert-articles'), { articles: params.articles }));
    const entityNode = nodesById(await tx.run(cypher('import/merge-entities'), { entities: params.entities }));
    const mentions = params.mentions.map((m) => ({ ...m, article: articleNode(m.article), entity: entityNode(m.entity) }));
    await tx.run(cypher('import/create-mentions'), { mentions });
    const authors = params.authors.map((w) => ({ article: articleNode(w.article), person: entityNode(w.person) }));
    await tx.run(cypher('import/create-authors'), { authors });
    const relations = params.relations.map((r) => ({ ...r, from: entityNode(r.from), to: entityNode(r.to) }));
    await tx.run(cypher('import/create-relations'), { relations });
    const pruned = await tx.run(cypher('import/prune-entities'), { ids: touched });
    return {
      articles: params.articles.length,
      entities: params.entities.length,
      mentions: params.mentions.length + params.authors.length,
      relations: params.relations.length,
      pruned: Number(pruned.records[0]?.get('pruned') ?? 0),
    };
  });
}

/** Deletes articles with the same clean-up as an update: their evidence goes, orphaned entities go. */
export async function deleteArticles(graph: Graph, ids: string[]): Promise<{ deleted: number; pruned: number }> {
  const result = await graph.writeTransaction(async (tx) => {
    const cleared = await tx.run(cypher('import/clear-article-links'), { ids });
    const touched: string[] = cleared.records[0]?.get('touched') ?? [];
    const deleted = await tx.run(cypher('import/delete-articles'), { ids });
    const pruned = await tx.run(cypher('import/prune-entities'), { ids: touched });
    return {
      deleted: Number(deleted.records[0]?.get('deleted') ?? 0),
      pruned: Number(pruned.records[0]?.get('pruned') ?? 0),
    };
  });
  await awaitSearchable(graph);
  return result;
}

export async function articleIdsBySource(graph: Graph, source: string): Promise<string[]> {
  const rows = await graph.read<{ id: string }>(cypher('import/article-ids-by-source'), { source });
  return rows.map((row) => row.id);
}
