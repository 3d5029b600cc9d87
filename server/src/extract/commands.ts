import { readFileSync } from 'node:fs';
import type { Extraction } from '@guanxi/shared';
import type { ExtractInput } from './index.ts';
import { parseBio, type BioEntity } from './eval/bio.ts';
import { countSentence, emptyCounts, micro, prf, EVAL_TYPES, type EvalType, type Prf } from './eval/score.ts';
import { foldWidth } from './text/fold.ts';
import { recognize } from './chinese/recognize.ts';

export interface EvalReport {
  PER: Prf;
  LOC: Prf;
  ORG: Prf;
  micro: Prf;
  charsPerSecond: number;
}

const EVAL_TYPE: Record<string, EvalType | undefined> = { Person: 'PER', Place: 'LOC', Organization: 'ORG' };

/** The entity spans the Chinese recognizer finds in one sentence, as BIO types (Project is not scored). */
export function predictSentence(text: string): BioEntity[] {
  const { spans } = recognize(foldWidth(text));
  const out: BioEntity[] = [];
  for (const s of spans) {
    const type = EVAL_TYPE[s.type];
    if (type) out.push({ type, start: s.start, end: s.end });
  }
  return out;
}

/**
 * `guanxi eval-ner FILE.bio`: scores PER/LOC/ORG by exact (type, start, end) match per sentence,
 * prints a table, then the report as one JSON object on the last line. Gold and predicted text are
 * compared after full-width → half-width folding (the recognizer folds before matching).
 */
export async function runEvalNer(file: string, out: NodeJS.WritableStream): Promise<EvalReport> {
  const sentences = parseBio(readFileSync(file, 'utf8'));
  const counts = emptyCounts();
  let chars = 0;
  predictSentence('预热'); // load dictionaries outside the timing
  const started = performance.now();
  for (const s of sentences) {
    chars += s.text.length;
    countSentence(s.entities, predictSentence(s.text), counts);
  }
  const seconds = Math.max((performance.now() - started) / 1000, 1e-9);
  const report: EvalReport = { PER: prf(counts.PER), LOC: prf(counts.LOC), ORG: prf(counts.ORG), micro: micro(counts), charsPerSecond: Math.round(chars / seconds) };
  const pct = (x: number) => (x * 100).toFixed(2).padStart(7);
  const lines = [`${file}: ${sentences.length} sentences, ${chars} characters`, 'type   precision  recall     F1     gold   pred', '-----  ---------  ------  ------  -----  -----'];
  for (const t of EVAL_TYPES) {
    const c = counts[t];
    const r = report[t];
    lines.push(`${t.padEnd(5)}  ${pct(r.p)}  ${pct(r.r)} ${pct(r.f1)}  ${String(c.tp + c.fn).padStart(5)}  ${String(c.tp + c.fp).padStart(5)}`);
  }
  lines.push(`micro  ${pct(report.micro.p)}  ${pct(report.micro.r)} ${pct(report.micro.f1)}`);
  out.write(lines.join('\n') + '\n');
  out.write(JSON.stringify(report) + '\n');
  return report;
}

/** One article of the `extract` command's JSON: title, date, authors, entities, relations. */
export function extractionToJson(article: Pick<ExtractInput, 'title' | 'date'>, extraction: Extraction) {
  return {
    title: article.title,
    date: article.date ?? null,
    authors: extraction.authors,
    entities: extraction.entities.map((e) => ({
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      ...(e.code ? { code: e.code } : {}),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
    })),
    relations: extraction.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.title ? { title: r.title } : {}),
      ...(r.asOf ? { asOf: r.asOf } : {}),
      ...(r.date ? { date: r.date } : {}),
      ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
      ...(r.trigger ? { trigger: r.trigger } : {}),
      ...(r.source ? { source: r.source } : {}),
      evidence: r.evidence,
    })),
  };
}
