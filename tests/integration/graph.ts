import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { Graph } from '../../server/src/graph/db.ts';
import { applySchema } from '../../server/src/graph/store.ts';

/** A Graph on the test run's Neo4j (see tests/setup/neo4j.ts), with the schema applied. */
export async function testGraph(): Promise<Graph> {
  const { uri, user, password, database } = inject('neo4j');
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
  const graph = new Graph(driver, database);
  await applySchema(graph);
  return graph;
}

/** Counts of the whole test database, for before/after comparisons (the schema's version marker is not data). */
export async function counts(graph: Graph) {
  const [row] = await graph.read<{ nodes: number; relationships: number; articles: number; entities: number }>(
    `CALL { MATCH (n) WHERE NOT n:GuanxiMeta RETURN count(n) AS nodes }
     CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL { MATCH (a:Article) RETURN count(a) AS articles }
     CALL { MATCH (e:Entity) RETURN count(e) AS entities }
     RETURN nodes, relationships, articles, entities`,
  );
  return row!;
}

/** Empties the test database between test files: it belongs to this run alone. */
export async function emptyDatabase(graph: Graph): Promise<void> {
  await graph.write('MATCH (n) DETACH DELETE n');
}
