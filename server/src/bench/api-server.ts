import { openDb } from './api-collection.ts';
import { createBenchServer } from './api-latency.ts';

/**
 * The server under test, in a process of its own so the load generator does not share its event
 * loop: `createServer` as `guanxi serve` builds it, without the explorer's files (no client build)
 * or the sample import. NEO4J_URI names the bench's Neo4j; PORT, or 0 for any free one.
 */
const db = await openDb('', 0);
const server = createBenchServer(db.graph);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`LISTENING ${typeof address === 'object' && address ? address.port : ''}`);
});
const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
