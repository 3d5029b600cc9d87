/**
 * A tiny GraphQL-over-fetch client. The server serves `/graphql` on the page's own origin
 * (in development Vite proxies it), so there is no configuration and no CORS.
 */

export const GRAPHQL_ENDPOINT = '/graphql';

/** An error whose message is fit to show to the user as is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'http' | 'graphql' | 'aborted',
    /** The GraphQL error's extensions.code (QUERY_TIMEOUT, SERVICE_UNAVAILABLE, BAD_USER_INPUT…) or HTTP_<status>. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new ApiError('Request cancelled', 'aborted');
    // fetch only rejects when no HTTP response arrived at all.
    throw new ApiError('Cannot reach the guanxi server. Is it running (npm start)?', 'network');
  }

  let payload: GraphQLResponse<T> | undefined;
  try {
    payload = (await response.json()) as GraphQLResponse<T>;
  } catch {
    payload = undefined;
  }

  // GraphQL servers may answer errors with 4xx/5xx and a JSON body; prefer its message.
  const messages = payload?.errors?.map((e) => e.message).filter(Boolean) ?? [];
  if (messages.length > 0 && (payload?.data == null || !response.ok)) {
    const code = payload?.errors?.map((e) => e.extensions?.code).find((c): c is string => typeof c === 'string');
    throw new ApiError(messages.join('; '), 'graphql', code);
  }
  if (!response.ok) {
    // 502/503/504 come from a proxy (Vite's in development) when the API itself is down.
    if ([502, 503, 504].includes(response.status)) {
      throw new ApiError(`Cannot reach the guanxi server (HTTP ${response.status}). Is it running (npm start)?`, 'network', `HTTP_${response.status}`);
    }
    throw new ApiError(`Server error ${response.status} ${response.statusText}`.trim(), 'http', `HTTP_${response.status}`);
  }
  if (payload?.data == null) {
    throw new ApiError('The server answered without data', 'graphql');
  }
  return payload.data;
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof ApiError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
