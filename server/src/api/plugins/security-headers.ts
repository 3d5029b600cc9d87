import type { Plugin } from 'graphql-yoga';
import { securityHeaders } from '../http/headers.ts';

/** The security headers on every response Yoga writes (/graphql, /health, /ready). */
export function useSecurityHeaders({ graphiql }: { graphiql: boolean }): Plugin {
  const withCsp = securityHeaders({ csp: true });
  const withoutCsp = securityHeaders({ csp: false });
  return {
    onResponse({ request, response }) {
      // GraphiQL's page is HTML asked for by a browser; everything else is JSON and gets the full set.
      const isGraphiqlPage = graphiql && request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
      for (const [name, value] of Object.entries(isGraphiqlPage ? withoutCsp : withCsp)) response.headers.set(name, value);
    },
  };
}
