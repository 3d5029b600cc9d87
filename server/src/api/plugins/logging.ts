import type { Plugin } from 'graphql-yoga';
import { log } from '../../log.ts';

/** One structured line per operation: its name and how long it took (at info level: quiet by default). */
export function useOperationLog(): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result && result.errors ? result.errors.length : 0;
          log.info({ operation: args.operationName ?? 'anonymous', ms: Math.round(performance.now() - started), errors }, 'graphql');
        },
      };
    },
  };
}
