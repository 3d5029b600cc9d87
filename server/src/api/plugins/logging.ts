import type { Plugin } from 'graphql-yoga';
import { log } from '../../log.ts';

/**
 * One structured line per operation: its name and how long it took (at info level: quiet by
 * default), and every unexpected error with its cause (the client sees a masked message).
 */
export function useOperationLog(): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result && result.errors ? result.errors : [];
          const operation = args.operationName ?? 'anonymous';
          log.info({ operation, ms: Math.round(performance.now() - started), errors: errors.length }, 'graphql');
          for (const error of errors) {
            if (error.originalError) log.error({ operation, path: error.path, err: error.originalError }, 'graphql resolver failed');
          }
        },
      };
    },
  };
}
