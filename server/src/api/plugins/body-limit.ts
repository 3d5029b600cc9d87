import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The largest GraphQL request body: the token cap (plugins/limits.ts) makes any real one far smaller. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Request bodies capped by their Content-Length, which Node's HTTP parser holds a body to (it reads
 * no byte past it and refuses a request that also says Transfer-Encoding). Yoga's own cap, turned off
 * in server.ts, pipes every body through a byte-counting stream instead: a quarter of a millisecond
 * on each request, a tenth of a small query's time. A POST without a length (chunked) is refused
 * rather than counted: browsers and GraphQL clients send one with every JSON body.
 */
export function useBodyLimit(limit = MAX_BODY_BYTES): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length === null) {
        throw refusal('A POST to /graphql must say its Content-Length.', 'LENGTH_REQUIRED', 411);
      }
      if (!/^\d+$/.test(length)) throw refusal('Content-Length is not a byte count.', 'BAD_REQUEST', 400);
      if (Number(length) > limit) {
        throw refusal(`The request body is larger than ${limit} bytes.`, 'REQUEST_ENTITY_TOO_LARGE', 413);
      }
    },
  };
}

function refusal(message: string, code: string, status: number) {
  return createGraphQLError(message, { extensions: { code, http: { status } } });
}
