import { describe, expect, it } from 'vitest';
import { byConnections } from '../../server/src/export/read.ts';
import { describeScope, parseScope } from '../../server/src/export/scope.ts';

describe('export scopes', () => {
  it('defaults to the whole connection graph, and to a view when ids are given', () => {
    expect(parseScope({})).toMatchObject({ kind: 'whole', ids: [], articles: false, types: null, from: null, to: null });
    expect(parseScope({ ids: 'Person:王新亭,a1' })).toMatchObject({ kind: 'view', ids: ['Person:王新亭', 'a1'] });
    expect(parseScope({ scope: 'ego', ids: ['Person:王新亭'], depth: '2', types: ['Person', 'Organization'], articles: 'true' })).toMatchObject({
      kind: 'ego',
      depth: 2,
      types: ['Person', 'Organization'],
      articles: true,
    });
  });

  it('names the parameter and what it takes when one is wrong', () => {
    expect(() => parseScope({ scope: 'ego' })).toThrow('scope ego needs ids');
    expect(() => parseScope({ scope: 'whole', ids: 'x' })).toThrow('scope whole takes no ids');
    expect(() => parseScope({ scope: 'all' })).toThrow('scope must be whole, view or ego; got "all"');
    expect(() => parseScope({ scope: 'ego', ids: 'x', depth: '9' })).toThrow('depth must be an integer from 1 to 5; got "9"');
    expect(() => parseScope({ from: '2020-02-30x' })).toThrow('from must be a date as YYYY-MM-DD');
    expect(() => parseScope({ from: '2021-01-01', to: '2020-01-01' })).toThrow('from (2021-01-01) is after to (2020-01-01)');
    expect(() => parseScope({ types: 'Person,Spy' })).toThrow('unknown entity type Spy');
    expect(() => parseScope({ articles: 'maybe' })).toThrow('articles must be true or false');
  });

  it('describes itself in one line for the README', () => {
    expect(describeScope(parseScope({ scope: 'ego', ids: 'Person:王新亭', depth: 2, from: '2020-01-01' }))).toBe(
      'guanxi export: the connection graph (entities and their links) around Person:王新亭 to depth 2, dated 2020-01-01 to …',
    );
  });
});

describe('edge reads grouped by co-mention counts', () => {
  it('keeps each group near the row budget, in id order, a hub alone', () => {
    const counts = [
      { id: 'c', connections: 4 },
      { id: 'a', connections: 3 },
      { id: 'b', connections: 50 },
      { id: 'd', connections: 2 },
      { id: 'e', connections: 0 },
    ];
    expect(byConnections(counts, 10)).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    expect(byConnections([], 10)).toEqual([]);
  });
});
