import type { EdgeType } from '@guanxi/shared';
import { splitSamples } from './co-mentions.ts';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** What stands behind one edge of either view: its sentences and articles, its title, counts and dates. */

export interface EdgeEvidence {
  articleId: string;
  sentence: string;
}

export interface EdgeFacts {
  evidence: EdgeEvidence[];
  /** A position's title(s), for HOLDS_POSITION. */
  label: string | null;
  weight: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}

type Props = Record<string, unknown>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The relationships folded into the edge (source, type, target); null when there are none. */
export async function edgeFacts(graph: Graph, source: string, type: EdgeType, target: string): Promise<EdgeFacts | null> {
  const rows = await graph.read<{ props: Props }>(cypher('api/edge'), { source, type, target });
  if (rows.length === 0) return null;
  const all = rows.map((r) => r.props);
  const evidence = all.flatMap((props) => evidenceOf(type, props, source, target));
  const dates = all.flatMap((p) => [p.firstDate, p.lastDate, p.asOf, p.date]).filter((d): d is string => typeof d === 'string').map((d) => d.slice(0, 10)).sort();
  const titles = [...new Set(all.map((p) => p.title).filter((t): t is string => typeof t === 'string'))];
  return {
    evidence,
    label: titles.length > 0 ? titles.join('、') : null,
    weight: type === 'CO_MENTIONED' ? Number(all[0]!.weight ?? 0) : type === 'MENTIONS' ? Number(all[0]!.count ?? 1) : all.length,
    articles: type === 'CO_MENTIONED' ? Number(all[0]!.articles ?? 0) : new Set(evidence.map((e) => e.articleId)).size,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}

function evidenceOf(type: EdgeType, props: Props, source: string, target: string): EdgeEvidence[] {
  switch (type) {
    case 'MENTIONS':
      return strings(props.sentences).map((sentence) => ({ articleId: source, sentence }));
    case 'WROTE':
      return [{ articleId: target, sentence: '' }];
    case 'CO_MENTIONED': {
      const articles = splitSamples(props.evidenceArticles);
      return splitSamples(props.evidence).map((sentence, i) => ({ articleId: articles[i] ?? '', sentence }));
    }
    default:
      // A relation the gazetteer implies (source 'gazetteer') has no sentence.
      return [{ articleId: String(props.articleId), sentence: String(props.evidence ?? '') }];
  }
}
