import type { Graph } from '../../server/src/graph/db.ts';

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

/** The operator names of a query's EXPLAIN plan, parent before children (runtime suffixes like @neo4j dropped). */
export async function planOperators(graph: Graph, query: string, params: Record<string, unknown>): Promise<string[]> {
  const session = graph.driver.session({ database: graph.database });
  try {
    const result = await session.executeRead((tx) => tx.run(`EXPLAIN ${query}`, params));
    const operators: string[] = [];
    const walk = (node: PlanNode) => {
      operators.push(node.operatorType.replace(/@.*$/, ''));
      node.children.forEach(walk);
    };
    const plan = result.summary.plan;
    if (plan) walk(plan as unknown as PlanNode);
    return operators;
  } finally {
    await session.close();
  }
}

/** Operators that read every node (of a label, or at all) instead of seeking an index. */
export const SCANS = ['NodeByLabelScan', 'AllNodesScan', 'UnionNodeByLabelsScan', 'IntersectionNodeByLabelsScan'];
