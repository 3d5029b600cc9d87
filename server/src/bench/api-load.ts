import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  total: number;
}

/** `connections` clients for `seconds` on loopback, each cycling through the search texts. */
export async function searchLoad(url: string, texts: string[], connections: number, seconds: number): Promise<LoadResult> {
  const requests = texts.map((t) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($t: String!) { search(text: $t, first: 20) { id type label score detail } }', variables: { t } }),
  }));
  const result = await autocannon({ url, connections, duration: seconds, requests, timeout: 10 });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
