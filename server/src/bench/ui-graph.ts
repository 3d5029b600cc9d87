/**
 * Generated connection graphs for the explorer's benchmark and its large-graph browser test:
 * `n` entities, 3 co-mention edges each, joined by preferential attachment so a few hubs gather
 * many links, like a real collection's. Deterministic (seeded), so runs compare.
 */
import type { GraphEdge, GraphNode, NodeType, Subgraph } from '@guanxi/shared';

const TYPES: [NodeType, number][] = [
  ['Person', 0.45],
  ['Organization', 0.3],
  ['Place', 0.15],
  ['Project', 0.1],
];
const FAMILY = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '新亭伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂';
const ORG = ['管委会', '发展局', '科技公司', '研究院', '投资集团', '人民医院', '建设局'];
const PLACE = ['高新区', '开发区', '街道', '新城', '工业园', '镇'];
const PROJECT = ['产业园项目', '改造工程', '示范区', '基地建设'];

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(list: ArrayLike<T>, rand: () => number): T {
  return list[Math.floor(rand() * list.length)]!;
}

function label(type: NodeType, i: number, rand: () => number): string {
  const name = pick(FAMILY, rand) + pick(GIVEN, rand) + (rand() < 0.6 ? pick(GIVEN, rand) : '');
  if (type === 'Person') return name;
  const place = pick(FAMILY, rand) + pick(GIVEN, rand);
  if (type === 'Organization') return `${place}${pick(ORG, rand)}`;
  if (type === 'Place') return `${place}${pick(PLACE, rand)}`;
  return `${place}${pick(PROJECT, rand)}${i % 7}`;
}

function nodeType(rand: () => number): NodeType {
  let r = rand();
  for (const [type, share] of TYPES) {
    if (r < share) return type;
    r -= share;
  }
  return 'Person';
}

/** `n` nodes and about 3n edges; node ids are `g:<prefix><i>`. */
export function generateGraph(n: number, seed = 7, prefix = ''): Subgraph {
  const rand = seeded(seed);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  // Each endpoint of every edge once: drawing from it picks a node in proportion to its degree.
  const ends: number[] = [];
  const degree = new Array<number>(n).fill(0);
  const id = (i: number) => `g:${prefix}${i}`;
  for (let i = 0; i < n; i++) {
    const type = nodeType(rand);
    nodes.push({ id: id(i), type, label: label(type, i, rand) });
    const links = new Set<number>();
    const want = Math.min(3, i);
    while (links.size < want) links.add(ends.length > 0 && rand() < 0.7 ? pick(ends, rand) : Math.floor(rand() * i));
    for (const t of links) {
      edges.push({
        id: `${id(i)}~CO_MENTIONED~${id(t)}`,
        source: id(t),
        target: id(i),
        type: 'CO_MENTIONED',
        weight: 1 + Math.floor(rand() * rand() * 12),
        articles: 1 + Math.floor(rand() * 4),
      });
      ends.push(i, t);
      degree[i]! += 1;
      degree[t]! += 1;
    }
  }
  // Mentions grow with links, with noise: the hubs are also the most mentioned, mostly.
  nodes.forEach((node, i) => (node.weight = Math.max(1, Math.round(degree[i]! * (0.5 + rand() * 1.5)))));
  return { nodes, edges, truncated: false };
}

/** What an expansion of `anchor` adds: `n` new nodes linked to it and to each other. */
export function generateExpansion(anchor: string, n: number, seed = 11): Subgraph {
  const extra = generateGraph(n, seed, `x${seed}-`);
  const edges = [...extra.edges];
  extra.nodes.forEach((node) =>
    edges.push({ id: `${anchor}~CO_MENTIONED~${node.id}`, source: anchor, target: node.id, type: 'CO_MENTIONED', weight: 1 }),
  );
  return { nodes: extra.nodes, edges, truncated: false };
}
