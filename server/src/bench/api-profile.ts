import type { Driver, ProfiledPlan } from 'neo4j-driver';
import { profiling, type ApiQuery } from './api-queries.ts';

interface Operator {
  operator: string;
  details: string;
  dbHits: number;
  rows: number;
}

export function flatten(plan: ProfiledPlan, into: Operator[] = []): Operator[] {
  const details = String(plan.arguments?.Details ?? '').replace(/\s+/g, ' ').slice(0, 90);
  into.push({ operator: plan.operatorType.replace(/@.*$/, ''), details, dbHits: plan.dbHits, rows: plan.rows });
  for (const child of plan.children) flatten(child, into);
  return into;
}

/** The first comment line of a .cypher file: which statement this is. */
const title = (query: string) => (/^\/\/ (.*)$/m.exec(query)?.[1] ?? query.slice(0, 60)).slice(0, 80);

/** Runs the driver side of each query once under PROFILE; prints db hits per statement and the costliest operators. */
export async function profile(queries: ApiQuery[], driver: Driver, log: (line: string) => void) {
  for (const q of queries) {
    const plans: { query: string; plan: ProfiledPlan }[] = [];
    profiling.sink = (query, plan) => plans.push({ query, plan });
    try {
      await q.driver(driver);
    } finally {
      profiling.sink = null;
    }
    log(`\nPROFILE ${q.name}:`);
    for (const { query, plan } of plans) {
      const ops = flatten(plan);
      const total = ops.reduce((sum, op) => sum + op.dbHits, 0);
      log(`  ${title(query)}: ${total} db hits`);
      for (const op of [...ops].sort((a, b) => b.dbHits - a.dbHits).slice(0, 3)) {
        if (op.dbHits > 0) log(`    ${op.operator}: ${op.dbHits} db hits, ${op.rows} rows — ${op.details}`);
      }
    }
  }
}
