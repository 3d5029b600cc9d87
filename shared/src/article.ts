import { z } from 'zod';

/** Where a record came from, so every error and every node can point back at its input. */
export interface Origin {
  file: string;
  /** 1-based line of the record's start, for line-oriented inputs. */
  line?: number;
  /** 1-based record number within the file (JSON array element, CSV row, feed item). */
  record?: number;
}

export const DATE_SOURCES = ['metadata', 'text', 'filename'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** An entity supplied with the input (already extracted upstream); used as given. */
export const GivenEntitySchema = z.object({
  type: z.enum(['Person', 'Organization', 'Place', 'Project']),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});
export type GivenEntity = z.infer<typeof GivenEntitySchema>;

/** An article as read from an input, before extraction. */
export interface ArticleInput {
  /** Stable id: from the url, else from source + title + date + body hash. */
  id: string;
  title: string;
  subtitle?: string;
  /** Body text after page-break repair; mention offsets index into this string. */
  body: string;
  /** ISO date (YYYY-MM-DD) or date-time, when known. */
  date?: string;
  dateSource?: DateSource;
  source?: string;
  url?: string;
  /** Authors from metadata; bylines found in the text are added by the extractor. */
  authors: string[];
  /** BCP-47-ish language code ('zh', 'en'), detected when not given. */
  lang?: string;
  entities?: GivenEntity[];
  origin: Origin;
}

/** A record that could not be read; the rest of the input goes on. */
export interface InputProblem {
  origin: Origin;
  reason: string;
}

export function formatOrigin(origin: Origin): string {
  let where = origin.file;
  if (origin.line !== undefined) where += `:${origin.line}`;
  if (origin.record !== undefined) where += ` (record ${origin.record})`;
  return where;
}
