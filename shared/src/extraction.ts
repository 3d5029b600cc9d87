import type { EntityType, RelationType } from './entities.ts';

/** A span of the article body, [start, end) in UTF-16 code units, and the sentence it sits in. */
export interface Mention {
  start: number;
  end: number;
  /** Index into Extraction.sentences. */
  sentence: number;
}

export interface ExtractedEntity {
  type: EntityType;
  /** Canonical name: the full form (高新区党工委 for 党工委). */
  name: string;
  /** Other surface forms seen for it, canonical name excluded. */
  aliases: string[];
  mentions: Mention[];
  /** Administrative division code, for places found in the gazetteer. */
  code?: string;
}

export interface ExtractedRelation {
  type: RelationType;
  from: string;
  fromType: EntityType;
  to: string;
  toType: EntityType;
  /** Position title for HOLDS_POSITION (书记, 董事长…). */
  title?: string;
  /** For HOLDS_POSITION: the date the position is stated as held (the article's date). */
  asOf?: string;
  /** For events: the article's date (when the news says it happened). */
  date?: string;
  /** For events: how sure the pattern is, 0–1 (lower when an end was filled in from elsewhere in the sentence). */
  confidence?: number;
  /** For events: the trigger word that states it (会见, signed). */
  trigger?: string;
  /**
   * 'gazetteer' for a PART_OF or LOCATED_IN that the gazetteer implies (徐家湾乡 is part of 卢氏县): no
   * sentence states it, so `evidence` is empty.
   */
  source?: 'gazetteer';
  /** The sentence that states the relation ('' when `source` says where it comes from instead). */
  evidence: string;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Extraction {
  /** Persons named in bylines (记者 李颖 孙庆辉 文/图): authors, not mentions. */
  authors: string[];
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  sentences: Sentence[];
}
