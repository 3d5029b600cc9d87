import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { startEmbedded, stopEmbedded, portAnswers } from '../../server/src/neo4j/embedded.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) if (!(await portAnswers(port, 200))) return port;
  throw new Error(`no free port from ${from}`);
}

/**
 * A real Neo4j for the integration tests, isolated from anyone's data:
 * - NEO4J_URI set: that server, in NEO4J_TEST_DATABASE if given (it will be emptied), else in a
 *   database created for this run and dropped after it (needs a server that can create databases);
 * - otherwise: a private embedded server on a free port with a temporary data folder, removed after.
 */
export default async function setup(project: TestProject) {
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? '';
  if (process.env.NEO4J_URI) {
    const uri = process.env.NEO4J_URI;
    let database = process.env.NEO4J_TEST_DATABASE;
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    let created = false;
    if (!database) {
      database = `guanxi-test-${Date.now().toString(36)}`;
      try {
        await driver.executeQuery('CREATE DATABASE $name WAIT', { name: database }, { database: 'system' });
        created = true;
      } catch (error) {
        await driver.close();
        throw new Error(
          `The tests need a database of their own on ${uri}, and this server could not create one ` +
            `(${(error as Error).message}). Set NEO4J_TEST_DATABASE to a scratch database (it will be emptied), ` +
            'or unset NEO4J_URI to let the tests start a private embedded Neo4j.',
        );
      }
    } else {
      await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    }
    project.provide('neo4j', { uri, user, password, database });
    return async () => {
      if (created) await driver.executeQuery('DROP DATABASE $name IF EXISTS', { name: database }, { database: 'system' });
      await driver.close();
    };
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-test-neo4j-'));
  // A random start: test runs side by side (several checkouts on one machine) rarely pick the same port.
  const port = await freePort(17687 + Math.floor(Math.random() * 2000));
  const server = await startEmbedded({ dataDir, port, heapMb: 512, pageCacheMb: 128 });
  project.provide('neo4j', { uri: server.uri, user, password });
  return async () => {
    await stopEmbedded({ dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
