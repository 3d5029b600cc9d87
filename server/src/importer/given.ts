import type { ArticleInput, ExtractedEntity, Extraction, GivenEntity } from '@guanxi/shared';
import { sentenceAt, splitSentences } from '../extract/text/sentences.ts';

/**
 * An extraction made of entities that came with the input (already extracted upstream): they are
 * used as given; their mentions are wherever the name or an alias occurs in the body.
 */
export function extractionFromGiven(article: ArticleInput, given: GivenEntity[]): Extraction {
  const sentences = splitSentences(article.body);
  const entities: ExtractedEntity[] = given.map((entity) => {
    const mentions = [];
    for (const surface of new Set([entity.name, ...entity.aliases])) {
      for (let at = article.body.indexOf(surface); at >= 0; at = article.body.indexOf(surface, at + surface.length)) {
        mentions.push({ start: at, end: at + surface.length, sentence: sentenceAt(sentences, at) });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { type: entity.type, name: entity.name, aliases: entity.aliases.filter((a) => a !== entity.name), mentions };
  });
  return { authors: [], entities, relations: [], sentences };
}
