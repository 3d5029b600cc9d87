import { describe, expect, it } from 'vitest';
import type { Extraction } from '@guanxi/shared';
import { createExtractor } from '../../server/src/extract/index.ts';

/** Issue 18, item 6: English titles, surnames, organizations with heads, events from verbs. */
const extractor = createExtractor();
const en = (body: string): Extraction => extractor.extract({ title: 'News', body, lang: 'en', date: '2021-03-04' });
const ids = (x: Extraction) => x.entities.map((e) => `${e.type}:${e.name}`);
const rels = (x: Extraction, type: string) => x.relations.filter((r) => r.type === type).map((r) => `${r.from}->${r.to}${r.title ? `|${r.title}` : ''}`);

const ARTICLE = [
  'Illinois Governor Tom Becker met with executives of Northwind Traders in Springfield on Monday.',
  'Becker later visited the Illinois Department of Commerce and signed an agreement with Contoso Ltd.',
  'Northwind Traders invested in Fabrikam Inc. The Acme Foundation donated to the Springfield Food Bank.',
  'CEO Maria Lopez of Northwind Traders met Becker at City Hall.',
].join(' ');

describe('english names', () => {
  const x = en(ARTICLE);

  it('strips titles from names and keeps them as positions', () => {
    expect(ids(x)).toContain('Person:Tom Becker');
    expect(ids(x).some((id) => /Governor|CEO/.test(id))).toBe(false);
    expect(rels(x, 'HOLDS_POSITION')).toEqual(expect.arrayContaining(['Tom Becker->Illinois|Governor', 'Maria Lopez->Northwind Traders|CEO']));
  });

  it('joins a surname alone to the full name in the same article', () => {
    expect(ids(x)).not.toContain('Person:Becker');
    const becker = x.entities.find((e) => e.name === 'Tom Becker')!;
    expect(becker.aliases).toContain('Becker');
    expect(becker.mentions.length).toBe(3);
  });

  it('keeps organizations whole with their heads', () => {
    expect(ids(x)).toEqual(expect.arrayContaining(['Organization:Illinois Department of Commerce', 'Organization:Northwind Traders', 'Organization:Acme Foundation']));
    // Not cut at a sentence end, nor at a place.
    expect(ids(x).some((id) => id.includes('Inc. The'))).toBe(false);
  });

  it('reads events from English verbs', () => {
    expect(rels(x, 'VISITED')).toEqual(['Tom Becker->Illinois Department of Commerce']);
    expect(rels(x, 'SIGNED')).toEqual(['Tom Becker->Contoso Ltd']);
    expect(rels(x, 'INVESTED_IN')).toEqual(['Northwind Traders->Fabrikam Inc']);
    expect(rels(x, 'DONATED_TO')).toEqual(['Acme Foundation->Springfield Food Bank']);
    expect(rels(x, 'MET')).toEqual(['Maria Lopez->Tom Becker']);
    const met = x.relations.find((r) => r.type === 'MET')!;
    expect(met).toMatchObject({ date: '2021-03-04', trigger: 'met', evidence: 'CEO Maria Lopez of Northwind Traders met Becker at City Hall.' });
  });

  it('leaves a surname shared by two full names alone', () => {
    const y = en('Tom Becker and Anna Becker spoke. Becker said nothing.');
    expect(y.entities.filter((e) => e.type === 'Person').map((e) => e.name)).toContain('Becker');
  });
});
