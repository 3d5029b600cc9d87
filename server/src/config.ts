import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, for the bundled sample, cypher/ and the embedded Neo4j's files. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const EnvSchema = z.object({
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
  GUANXI_NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  GUANXI_NEO4J_HEAP_MB: z.coerce.number().int().min(128).default(512),
  GUANXI_NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(256),
  GUANXI_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  // Loopback unless opened on purpose (HOST=0.0.0.0, as docker-compose does inside its network).
  HOST: z.string().default('127.0.0.1'),
  /** Comma-separated origins allowed to call the API from other pages; unset, no CORS at all. */
  GUANXI_CORS_ORIGINS: z.string().default(''),
  /** GraphiQL, introspection and field suggestions outside development. */
  GUANXI_GRAPHIQL: z.enum(['0', '1']).default('0'),
  GUANXI_SEARCH_MAX_CHARS: z.coerce.number().int().min(1).max(10_000).default(200),
  GUANXI_SEARCH_MAX_TERMS: z.coerce.number().int().min(1).max(1_000).default(32),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  NODE_ENV: z.string().default('production'),
  // Longest an API read may run before Neo4j stops it and the client is told to narrow the question.
  GUANXI_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  // How long to wait for a Bolt connection (TCP connect, or a free one from the pool) before giving up.
  GUANXI_NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
  // How long the driver keeps retrying a transaction that failed for want of a connection or a transient
  // error; its first wait is about 1 s and doubles, so the 500 ms default means exactly one retry.
  GUANXI_NEO4J_RETRY_MS: z.coerce.number().int().min(0).default(500),
  // The embedded server's db.transaction.timeout: a safety net for anything without its own (0: none).
  GUANXI_NEO4J_TX_TIMEOUT_S: z.coerce.number().int().min(0).default(600),
});

export type Config = z.infer<typeof EnvSchema>;

/** Reads configuration from the environment once; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Bad configuration in the environment: ${problems}`);
  }
  return parsed.data;
}
