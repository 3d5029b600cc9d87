/**
 * Reads that run at once, their rows handed on one batch at a time. Neo4j runs a query on one
 * core, so an export reading one query after another leaves the other core to Node alone; reading
 * two key ranges at once keeps both busy. The writer still sees one call at a time: each lane's
 * batch waits its turn (and, while it waits, its driver pauses past its fetch), so memory holds
 * about a fetch a lane, however large the export.
 */

/** Runs calls one at a time, in the order they were asked for. */
export function serialized(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Thrown into a lane's callback once another lane has failed, ending its transaction. */
export class LaneAborted extends Error {
  constructor() {
    super('export read stopped: another read of the same export failed');
  }
}

/**
 * Runs `tasks` with at most `parallel` at once, in the order given as lanes come free. Each task
 * gets `turn`, through which it must hand on everything it produces: one call at a time across
 * tasks. The first failure stops the others at their next turn and is thrown once all have ended,
 * so no read outlives the export.
 */
export async function inLanes(
  tasks: ((turn: <T>(work: () => Promise<T>) => Promise<T>) => Promise<void>)[],
  parallel: number,
): Promise<void> {
  const queue = serialized();
  let failure: { error: unknown } | null = null;
  const turn = <T>(work: () => Promise<T>) =>
    queue(async () => {
      if (failure) throw new LaneAborted();
      return work();
    });
  let next = 0;
  const lane = async () => {
    while (!failure && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task(turn);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, tasks.length)) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
