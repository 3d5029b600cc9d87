import type { FieldNode, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Introspection maps the whole API for whoever asks; it is on with GraphiQL (development) and off
 * otherwise. The explorer does not need it: its queries are written out in client/src/api.
 * The rule reads field names from the document instead of using graphql-js's own rule, whose
 * instanceof checks fail where a test runner loads graphql twice (ESM and CommonJS).
 */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export function useIntrospectionOnlyInDevelopment(enabled: boolean): Plugin {
  if (enabled) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext) => ({
        Field(node: FieldNode) {
          if (!INTROSPECTION_FIELDS.has(node.name.value)) return;
          context.reportError(
            createGraphQLError(`Introspection is disabled on this server (asked for ${node.name.value}); set GUANXI_GRAPHIQL=1 to allow it.`, {
              nodes: [node],
              extensions: { code: 'INTROSPECTION_DISABLED' },
            }),
          );
        },
      }));
    },
  };
}
