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

const WARMUP_S = 15;

/** `connections` clients for `seconds` on loopback, each cycling through the search texts, after a warm-up. */
export async function searchLoad(url: string, texts: string[], connections: number, seconds: number): Promise<LoadResult> {
  const requests = texts.map((t) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($t: String!) { search(text: $t, first: 20) { id type label score detail } }', variables: { t } }),
  }));
  // Unmeasured seconds first: run alone (--parts load, Neo4j just started), the first requests plan
  // each query and warm Neo4j's caches and JITs: 63 requests/s and p99 5.7 s cold, 156/s and 0.69 s
  // after this warm-up; after the latency phase (the default order) 210/s and 0.46 s.
  await autocannon({ url, connections, duration: WARMUP_S, requests, timeout: 10 });
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
