/** The first chunks of a stream, read ahead to sniff it, and the stream's remainder. */
export interface Peeked<T> {
  head: T[];
  /** True when the head is the whole stream. */
  done: boolean;
  /** The chunks after the head. */
  tail: AsyncGenerator<T>;
  /** Closes the source unless it was read to its end; readers that stop early call it, so a file is closed now, not at GC. */
  close(): Promise<void>;
}

/** Reads chunks until their sizes add up to `limit` (or the stream ends). */
export async function peekChunks<T>(source: AsyncIterable<T>, limit: number, sizeOf: (chunk: T) => number): Promise<Peeked<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const head: T[] = [];
  let seen = 0;
  let done = false;
  while (seen < limit) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    seen += sizeOf(next.value);
  }
  let finished = done;
  const close = async () => {
    if (finished) return;
    finished = true;
    await iterator.return?.();
  };
  async function* tail(): AsyncGenerator<T> {
    try {
      while (!finished) {
        const next = await iterator.next();
        if (next.done) finished = true;
        else yield next.value;
      }
    } finally {
      await close();
    }
  }
  return { head, done, tail: tail(), close };
}
