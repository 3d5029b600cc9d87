#!/usr/bin/env node
// Runs the compiled CLI (server/dist), first recompiling it if server/src or shared/src changed
// since it was built: starting from JavaScript takes a fraction of the seconds tsx took.
import { ensureBuilt } from './build.js';

try {
  ensureBuilt();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
await import('../dist/cli/main.js');
