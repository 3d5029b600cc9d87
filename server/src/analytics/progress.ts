import cliProgress from 'cli-progress';

export type Phase = 'read' | 'compute' | 'write';

export interface AnalyzeProgress {
  /** A phase with a known total (entities read or written), or a compute step (no total). */
  start(phase: Phase, total: number, label: string): void;
  update(done: number, extra?: string): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5_000;

/**
 * `guanxi analyze`'s display: a bar with rate and ETA per phase on a terminal; a plain line every
 * few seconds otherwise (logs, CI); nothing with --json.
 */
export function createAnalyzeProgress(quiet: boolean): AnalyzeProgress {
  if (quiet) return { start() {}, update() {}, stop() {} };
  if (!process.stderr.isTTY) {
    let last = 0;
    let label = '';
    let total = 0;
    return {
      start(_phase, t, l) {
        [label, total, last] = [l, t, 0];
        process.stderr.write(`analyze: ${label}\n`);
      },
      update(done, extra) {
        if (Date.now() - last < PLAIN_EVERY_MS) return;
        last = Date.now();
        process.stderr.write(`analyze: ${label} ${done}/${total}${extra ? ` ${extra}` : ''}\n`);
      },
      stop() {},
    };
  }
  let bar: cliProgress.SingleBar | null = null;
  let started = 0;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    start(_phase, total, label) {
      stop();
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: ` ${label.padEnd(12)} {bar} {percentage}% | {value}/{total} | {extra} | {speed}/s | ETA {eta_formatted}`,
          hideCursor: true,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      started = Date.now();
      bar.start(Math.max(total, 1), 0, { extra: '', speed: '0' });
    },
    update(done, extra = '') {
      if (!bar) return;
      bar.update(done, { extra, speed: (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0) });
    },
    stop,
  };
}
