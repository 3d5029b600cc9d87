// For workers started from the sources (Vitest, tsx) only; the compiled CLI needs no loader.
// Worker threads do not inherit tsx's loader: register it, then load the TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
