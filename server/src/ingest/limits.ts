/**
 * Size limits on what the importer reads, in one place. Input comes from anywhere (a scraper's
 * dump, a mail attachment, stdin), so every size that could grow without bound is capped, and a
 * cap that is hit is an error naming the file and line, never a hang or a crash. Defaults can be
 * overridden from the environment (GUANXI_MAX_*) or by `guanxi import` flags.
 */
import { z } from 'zod';

export interface InputLimits {
  /** Largest article (title + body), in characters. */
  maxArticleChars: number;
  /** Longest line of a line format (text, Markdown, JSONL), in characters. */
  maxLineChars: number;
  /** Most bytes a compressed input may inflate to. */
  maxInflatedBytes: number;
  /** Most inflated bytes per compressed byte, checked once RATIO_GRACE_BYTES have come out. */
  maxInflateRatio: number;
}

export const MB = 2 ** 20;

/** Small files compress far better than 100:1 (a page of repeated boilerplate), so the ratio waits. */
export const RATIO_GRACE_BYTES = 16 * MB;

export const DEFAULT_LIMITS: InputLimits = {
  maxArticleChars: 5 * MB,
  maxLineChars: 5 * MB,
  maxInflatedBytes: 512 * MB,
  maxInflateRatio: 100,
};

const megabytes = z.coerce.number().positive().max(1024 * 1024);
const LimitsEnv = z.object({
  GUANXI_MAX_ARTICLE_MB: megabytes.optional(),
  GUANXI_MAX_LINE_MB: megabytes.optional(),
  GUANXI_MAX_INFLATED_MB: megabytes.optional(),
  GUANXI_MAX_INFLATE_RATIO: z.coerce.number().min(2).optional(),
});

/** The defaults with the environment's overrides; a bad value is an error naming the variable. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): InputLimits {
  const parsed = LimitsEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('GUANXI_MAX_') && v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Bad configuration in the environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    maxArticleChars: e.GUANXI_MAX_ARTICLE_MB !== undefined ? Math.round(e.GUANXI_MAX_ARTICLE_MB * MB) : DEFAULT_LIMITS.maxArticleChars,
    maxLineChars: e.GUANXI_MAX_LINE_MB !== undefined ? Math.round(e.GUANXI_MAX_LINE_MB * MB) : DEFAULT_LIMITS.maxLineChars,
    maxInflatedBytes: e.GUANXI_MAX_INFLATED_MB !== undefined ? Math.round(e.GUANXI_MAX_INFLATED_MB * MB) : DEFAULT_LIMITS.maxInflatedBytes,
    maxInflateRatio: e.GUANXI_MAX_INFLATE_RATIO ?? DEFAULT_LIMITS.maxInflateRatio,
  };
}

/** "5 MB", "0.0954 MB": sizes as the limits are set, precise enough to tell a size from its limit. */
export function megabytesText(n: number): string {
  return `${Number((n / MB).toPrecision(3))} MB`;
}

/** A limit that was hit; the message already names what and where. */
export class InputLimitError extends Error {}

export function tooLargeArticle(size: number, max: number): string {
  return `article of ${megabytesText(size)} is larger than the limit of ${megabytesText(max)} (GUANXI_MAX_ARTICLE_MB / --max-article-mb)`;
}
