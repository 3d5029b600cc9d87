/**
 * Where an export's text goes, with the output's backpressure: one stream (a file, stdout, an
 * HTTP response), a folder of files, or a zip written as it streams (archiver) — CSV's three files
 * in one download.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import archiver from 'archiver';
import type { TextSink } from '@guanxi/shared';

export interface ClosableSink extends TextSink {
  close(): Promise<void>;
}

/** The reader went away (a closed download, a full disk): stop reading Neo4j. */
export class OutputClosedError extends Error {}

/** Writes and waits for 'drain' when the stream's buffer is full, failing if it closes meanwhile. */
export async function writeTo(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (stream.destroyed || stream.writableEnded) throw new OutputClosedError('the output was closed');
  if (stream.write(chunk)) return;
  await drained(stream);
}

export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (error?: Error) => {
      cleanup();
      reject(error ?? new OutputClosedError('the output was closed'));
    };
    const cleanup = () => {
      stream.off('drain', done);
      stream.off('close', fail);
      stream.off('error', fail);
    };
    stream.on('drain', done);
    stream.once('close', fail);
    stream.once('error', fail);
  });
}

export function endStream(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.writableFinished) return resolve();
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** One file's text straight into a stream (the file name is the caller's). */
export function streamSink(stream: Writable, { end = true } = {}): ClosableSink {
  return {
    file: () => {},
    write: (text) => writeTo(stream, text),
    close: () => (end ? endStream(stream) : Promise.resolve()),
  };
}

/** Each file of the export into `dir` (created if missing). */
export function folderSink(dir: string): ClosableSink {
  fs.mkdirSync(dir, { recursive: true });
  let current: fs.WriteStream | undefined;
  const finish = async () => {
    if (current) await endStream(current);
    current = undefined;
  };
  return {
    async file(name) {
      await finish();
      current = fs.createWriteStream(path.join(dir, name));
    },
    write: (text) => writeTo(current!, text),
    close: finish,
  };
}

/** Each file of the export as an entry of a zip streamed into `stream`. */
export function zipSink(stream: Writable): ClosableSink {
  const archive = archiver('zip', { zlib: { level: 6 } });
  let failure: Error | undefined;
  archive.on('error', (error: Error) => {
    failure = error;
  });
  archive.pipe(stream);
  let entry: PassThrough | undefined;
  const check = () => {
    if (failure) throw failure;
  };
  return {
    file(name) {
      check();
      entry?.end();
      entry = new PassThrough();
      archive.append(entry, { name });
    },
    async write(text) {
      check();
      await writeTo(entry!, text);
      // The entry drains into the archive; the archive's own output is the real limit.
      await drained(stream);
    },
    async close() {
      entry?.end();
      await archive.finalize();
      check();
      await new Promise<void>((resolve, reject) => {
        if (stream.writableFinished) return resolve();
        stream.once('finish', resolve);
        stream.once('error', reject);
      });
    },
  };
}
