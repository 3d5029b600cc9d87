/**
 * A streaming UTF-8 decoder that says where it had to guess. Text that is UTF-8 but for a few
 * bad bytes (a cut multi-byte character, a stray 0xFF from a broken scraper) is still UTF-8: each
 * bad sequence becomes U+FFFD, as in every browser, and its byte offset is reported so the user can
 * look. The offsets follow the WHATWG decoder's "maximal subpart" rule, the one TextDecoder uses,
 * so there is one offset per U+FFFD it produces.
 */

/** Counts from a buffer: valid multi-byte characters, and the offsets of bad sequences. */
export interface Utf8Scan {
  multibyte: number;
  bad: number[];
  /** Where an incomplete (so far valid) sequence starts at the end, or the buffer's length. */
  incompleteFrom: number;
}

export function scanUtf8(buf: Uint8Array, base = 0, final = true): Utf8Scan {
  const bad: number[] = [];
  let multibyte = 0;
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      bad.push(base + i);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) {
        if (!final) return { multibyte, bad, incompleteFrom: i };
        ok = false;
        break;
      }
      const c = buf[j]!;
      if (c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) {
        ok = false;
        break;
      }
    }
    if (ok) multibyte++;
    else bad.push(base + i);
    i = j; // a bad continuation byte is not consumed: it may start the next character
  }
  return { multibyte, bad, incompleteFrom: n };
}

/** Whether a sample that is not valid UTF-8 is still UTF-8 with a few bad bytes, not another encoding. */
export function mostlyUtf8(sample: Uint8Array, complete: boolean): boolean {
  const { multibyte, bad } = scanUtf8(sample, 0, complete);
  // Text in GBK, Big5 or windows-1252 makes a valid UTF-8 sequence only by chance, far less
  // often than a bad one; UTF-8 with damage has many good characters for each bad byte.
  return multibyte >= 4 * bad.length;
}

/** Decodes chunk by chunk; `onBad` hears the byte offset of every U+FFFD it had to insert. */
export class LenientUtf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private offset = 0;
  private carry: Uint8Array = new Uint8Array(0);

  constructor(private readonly onBad: (offset: number) => void) {}

  write(chunk: Uint8Array): string {
    const text = this.decoder.decode(chunk, { stream: true });
    // Most chunks are clean; only a replacement character in the output is worth a byte scan.
    if (text.includes('\ufffd')) this.locate(chunk, false);
    else this.advance(chunk);
    return text;
  }

  end(): string {
    const text = this.decoder.decode();
    if (this.carry.length > 0) this.locate(new Uint8Array(0), true);
    return text;
  }

  private advance(chunk: Uint8Array): void {
    // Keep the tail that may be an unfinished character, so a later scan starts at its first byte.
    const joined = this.carry.length > 0 && chunk.length < 3;
    const bytes = joined ? Buffer.concat([this.carry, chunk]) : chunk;
    const bytesAt = joined ? this.offset : this.offset + this.carry.length;
    const start = Math.max(0, bytes.length - 3);
    const { incompleteFrom } = scanUtf8(bytes.subarray(start), 0, false);
    this.carry = bytes.slice(start + incompleteFrom);
    this.offset = bytesAt + bytes.length - this.carry.length;
  }

  private locate(chunk: Uint8Array, final: boolean): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const { bad, incompleteFrom } = scanUtf8(bytes, this.offset, final);
    for (const at of bad) this.onBad(at);
    this.carry = bytes.slice(incompleteFrom);
    this.offset += incompleteFrom;
  }
}
