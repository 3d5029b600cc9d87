import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputLimitError, RATIO_GRACE_BYTES, megabytesText, type InputLimits } from './limits.ts';

type GzipLimits = Pick<InputLimits, 'maxInflatedBytes' | 'maxInflateRatio'>;

/**
 * Inflates a gzip stream, refusing to go past `maxInflatedBytes` or past `maxInflateRatio` inflated
 * bytes per compressed byte: a 1 MB file of zeros inflates to 1 GB, and no reader should have to
 * chew through that. What came out before a limit or a truncation is kept (the caller reads it),
 * and then the error says why (the problem's origin names the file).
 */
export async function* gunzipLimited(raw: AsyncIterable<Buffer>, limits: GzipLimits): AsyncGenerator<Buffer> {
  let compressed = 0;
  const counted = (async function* () {
    for await (const chunk of raw) {
      compressed += chunk.length;
      yield chunk;
    }
  })();
  const gunzip = Readable.from(counted).pipe(createGunzip());
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes) {
        throw new InputLimitError(`inflates to more than ${megabytesText(limits.maxInflatedBytes)} (limit GUANXI_MAX_INFLATED_MB / --max-inflated-mb); the rest is not read`);
      }
      // The compressed count runs ahead of what zlib has consumed by at most one read, so the
      // ratio is never overstated.
      if (inflated > RATIO_GRACE_BYTES && inflated > compressed * limits.maxInflateRatio) {
        throw new InputLimitError(`inflates more than ${limits.maxInflateRatio}:1 (a compression bomb?; limit GUANXI_MAX_INFLATE_RATIO / --max-inflate-ratio); the rest is not read`);
      }
      yield chunk;
    }
  } catch (error) {
    throw describeGzipError(error, inflated);
  } finally {
    gunzip.destroy();
    await counted.return(undefined);
  }
}

function describeGzipError(error: unknown, inflated: number): unknown {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'Z_BUF_ERROR' && /unexpected end/.test(e.message)) {
    return new Error(`truncated gzip: the file ends inside its compressed data (after ${inflated} inflated bytes, which were read)`);
  }
  if (e?.code === 'Z_DATA_ERROR' || e?.code === 'Z_BUF_ERROR') return new Error(`not valid gzip data (${e.message})`);
  return error;
}
