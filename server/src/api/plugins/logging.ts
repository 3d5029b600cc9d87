import type { Plugin } from 'graphql-yoga';
import { log } from '../../log.ts';

/**
 * One structured line per operation: its name and how long it took (at info level: quiet by
 * default), and every unexpected error with its cause (the client sees a masked message). An error
 * a resolver raised with a code (BAD_USER_INPUT for a bad argument) is the client's mistake and is
 * told to the client in full, so it is logged at debug level: bad queries do not fill the error log.
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
            if (!error.originalError) continue;
            // By the code it carries, not by instanceof: the test runner may load graphql twice.
            if (typeof error.extensions?.code === 'string') {
              log.debug({ operation, path: error.path, reason: error.message }, 'graphql request rejected');
            } else {
              log.error({ operation, path: error.path, err: error.originalError }, 'graphql resolver failed');
            }
          }
        },
      };
    },
  };
}
