import cliProgress from 'cli-progress';
import type { ImportProgress } from './run.ts';

export interface ProgressView {
  update: (progress: ImportProgress) => void;
  stop: () => void;
}

const PLAIN_EVERY_MS = 5_000;

/**
 * A bar with files, articles, entities, rate and ETA on a terminal; a plain line every few
 * seconds otherwise (logs, CI); nothing with --json.
 */
export function createProgress({ quiet, files }: { quiet: boolean; files: number }): ProgressView {
  if (quiet) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  const rate = (read: number) => read / Math.max((Date.now() - started) / 1000, 0.001);
  if (!process.stderr.isTTY) {
    let last = Date.now();
    return {
      update(p) {
        if (Date.now() - last < PLAIN_EVERY_MS) return;
        last = Date.now();
        process.stderr.write(
          `import: ${p.read} articles read, ${p.written} written, ${p.unchanged} unchanged, ${p.failed} failed, ` +
            `${p.entities} entities, ${rate(p.read).toFixed(0)} articles/s\n`,
        );
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | files {value}/{total} | {read} articles | {entities} entities | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(files, 1), 0, { read: 0, entities: 0, rate: '0' });
  return {
    update(p) {
      // A file counts as done once the next one has begun; ETA is by files, the rate by articles.
      bar.update(Math.max(p.files - 1, 0), { read: p.read, entities: p.entities, rate: rate(p.read).toFixed(0) });
    },
    stop: () => {
      bar.update(Math.max(files, 1));
      bar.stop();
    },
  };
}
