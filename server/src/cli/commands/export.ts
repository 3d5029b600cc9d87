import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { edgesCsv, nodesCsv, toGexf, toGraphml, toJson, type ExportGraph } from '@guanxi/shared';
import { loadConfig } from '../../config.ts';
import { neighborhood, wholeGraph } from '../../graph/explore.ts';
import { connect } from '../../neo4j/connect.ts';
import { UsageError } from '../exit.ts';
import { positiveInt } from './shared-options.ts';

const FORMATS = ['json', 'csv', 'graphml', 'gexf'] as const;
type Format = (typeof FORMATS)[number];

interface ExportFlags {
  format?: string;
  out?: string;
  around?: string[];
  depth: number;
  limit: number;
}

/**
 * `guanxi export`: the whole graph, or the neighbourhood of some nodes, as JSON, CSV (nodes and
 * edges files), GraphML or GEXF — the same writers as the explorer's export buttons.
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the graph (or the neighbourhood of --around nodes) as JSON, CSV, GraphML or GEXF')
    .option('--format <format>', `one of ${FORMATS.join(', ')} (default: from --out's extension, else json)`)
    .option('--out <file>', 'where to write (CSV: FILE-nodes.csv and FILE-edges.csv); default stdout')
    .option('--around <ids...>', 'only these nodes and their neighbourhood (ids as in the explorer, e.g. Person:王新亭)')
    .option('--depth <n>', 'hops around --around nodes', positiveInt('--depth'), 1)
    .option('--limit <n>', 'at most this many nodes around --around nodes', positiveInt('--limit'), 500)
    .action(async (flags: ExportFlags) => {
      const format = chooseFormat(flags);
      if (format === 'csv' && !flags.out) throw new UsageError('--format csv writes two files: give --out FILE');
      const connection = await connect(loadConfig());
      try {
        const graph = flags.around?.length
          ? await neighborhood(connection.graph, flags.around, flags.depth, flags.limit, null)
          : await wholeGraph(connection.graph);
        const written = write(graph, format, flags.out);
        const cut = graph.truncated ? ' (cut at --limit)' : '';
        process.stderr.write(`exported ${graph.nodes.length} nodes and ${graph.edges.length} edges${cut}${written ? ` to ${written.join(', ')}` : ''}\n`);
      } finally {
        await connection.close();
      }
    });
}

function chooseFormat(flags: ExportFlags): Format {
  const wanted = flags.format ?? (flags.out ? path.extname(flags.out).slice(1).toLowerCase() : '') ?? '';
  if (!wanted) return 'json';
  if (!(FORMATS as readonly string[]).includes(wanted)) throw new UsageError(`unknown export format "${wanted}"; use one of ${FORMATS.join(', ')}`);
  return wanted as Format;
}

function write(graph: ExportGraph, format: Format, out?: string): string[] | undefined {
  if (format === 'csv') {
    const base = out!.replace(/\.csv$/i, '');
    const files = [`${base}-nodes.csv`, `${base}-edges.csv`];
    fs.writeFileSync(files[0]!, nodesCsv(graph));
    fs.writeFileSync(files[1]!, edgesCsv(graph));
    return files;
  }
  const text = format === 'json' ? toJson(graph) : format === 'graphml' ? toGraphml(graph) : toGexf(graph);
  if (!out) {
    process.stdout.write(text);
    return undefined;
  }
  fs.writeFileSync(out, text);
  return [out];
}
