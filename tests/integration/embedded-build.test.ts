import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEmbedded, needsBuild } from '../../server/src/neo4j/embedded.ts';

// Needs Java and Maven, as the embedded Neo4j does; a run against NEO4J_URI on a machine without them skips it.
const hasToolchain = ['java', 'mvn'].every((tool) => !spawnSync(tool, ['-version']).error);

describe('embedded Neo4j launcher build', () => {
  it.skipIf(!hasToolchain)('is built once: a checkout that only touches its sources does not rebuild it', () => {
    buildEmbedded(); // quick when the setup script has built it already
    expect(needsBuild()).toBe(false);
    // git sets a file's time to the checkout's; Maven then leaves the classpath file as it was, so
    // comparing times made every start run Maven again (seconds each).
    const source = path.resolve('neo4j-embedded/src/main/java/guanxi/EmbeddedNeo4j.java');
    const later = new Date(Date.now() + 1000);
    fs.utimesSync(source, later, later);
    expect(needsBuild()).toBe(false);
  });
});
