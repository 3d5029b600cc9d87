import chardet from 'chardet';
import iconv from 'iconv-lite';
import { peekChunks } from './peek.ts';
import { LenientUtf8Decoder, mostlyUtf8 } from './utf8.ts';

/** How many bytes we look at before choosing an encoding; enough for chardet to be confident. */
const SNIFF_BYTES = 64 * 1024;

export interface DecodedText {
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
  /** The text in chunks, BOM removed; never holds more than one chunk at a time. */
  chunks: AsyncIterable<string>;
  /** Byte offsets of bad UTF-8 sequences decoded as U+FFFD, added to as `chunks` is read. */
  badBytes: number[];
  /** The decoded start of the input, for sniffing. */
  sample: string;
  /** True when `sample` is the whole input. */
  complete: boolean;
}

/**
 * Decodes a byte stream to text without reading it whole: the first chunk(s) are sniffed
 * (BOM, then strict UTF-8, then chardet), after which every chunk goes through one streaming
 * iconv-lite decoder, so a multi-byte character split across chunks is decoded correctly.
 */
export async function decodeBytes(source: AsyncIterable<Buffer>, forced?: string): Promise<DecodedText> {
  const { head, done, tail, close } = await peekChunks(source, SNIFF_BYTES, (chunk) => chunk.length);
  const sample = Buffer.concat(head.map(asBuffer));
  const encoding = forced ? checkEncoding(forced) : sniffEncoding(sample, done);
  const badBytes: number[] = [];
  // UTF-8 (detected, not forced) goes through a decoder that can say where the bad bytes were.
  const decoder = encoding === 'utf8' && !forced ? new LenientUtf8Decoder((offset) => badBytes.push(offset)) : iconv.getDecoder(encoding, { stripBOM: true });
  const first = decoder.write(sample);

  async function* decode(): AsyncGenerator<string> {
    try {
      if (first) yield first;
      for await (const chunk of tail) {
        const text = decoder.write(asBuffer(chunk));
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      // A reader that stops early (a consumer's `break`) must close the file now, not at GC.
      await close();
    }
  }
  return { encoding, chunks: decode(), badBytes, sample: first, complete: done };
}

function checkEncoding(name: string): string {
  if (!iconv.encodingExists(name)) throw new Error(`unknown encoding "${name}"`);
  return name;
}

/** `complete` says the sample is the whole input, so a truncated final character is an error. */
export function sniffEncoding(sample: Buffer, complete = true): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  if (isUtf8(sample, complete) || mostlyUtf8(sample, complete)) return 'utf8';
  const guess = chardet.detect(sample);
  return fromChardet(guess);
}

function isUtf8(sample: Buffer, complete: boolean): boolean {
  try {
    // `stream: true` lets a character cut at the end of the sample pass; only bad bytes throw.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * chardet names vary ("GB18030", "Big5", "UTF-16LE", "ISO-8859-1"...). Anything Chinese and
 * simplified is decoded as GB18030, a superset of GBK and GB2312, so no character is lost.
 */
function fromChardet(name: string | null): string {
  const n = (name ?? '').toLowerCase();
  if (n === '' ) return 'gb18030';
  if (n.startsWith('gb') || n === 'euc-cn' || n === 'hz-gb-2312') return 'gb18030';
  if (n === 'utf-16le' || n === 'utf-16be' || n === 'big5' || n === 'shift_jis' || n === 'euc-jp' || n === 'euc-kr') {
    return n;
  }
  if (n.startsWith('iso-8859') || n.startsWith('windows-125')) return iconv.encodingExists(n) ? n : 'latin1';
  return iconv.encodingExists(n) ? n : 'gb18030';
}

const asBuffer = (chunk: Buffer | Uint8Array | string): Buffer => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
