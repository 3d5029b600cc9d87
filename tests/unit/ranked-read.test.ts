import { CONNECTION_TYPES } from '@guanxi/shared';
import { describe, expect, it } from 'vitest';
import { narrows, rankedRead } from '../../server/src/graph/connections.ts';
import { HUB_RANKING } from '../../server/src/graph/hub-ranking.ts';

const NONE = { types: null, relTypes: [...CONNECTION_TYPES], minWeight: 1, maxArticles: null, from: null, to: null };

describe('how far down a hub ranking a hop reads', () => {
  it('reads the room, the nodes to skip and a quarter more when no filter can drop a ranked neighbour', () => {
    // A hub's first hop with limit 200: 199 places, the hub itself to skip.
    expect(rankedRead(199, 1, 1)).toBe(249 + 1);
    expect(rankedRead(199, 1, 'filtered')).toBe(796);
  });

  it('never reads more without filters than with them', () => {
    // A second hop from a hundred hubs, 200 nodes seen: the filtered share is already the smaller.
    expect(rankedRead(300, 100, 201)).toBe(rankedRead(300, 100, 'filtered'));
    expect(rankedRead(5000, 1, 1)).toBeLessThanOrEqual(HUB_RANKING.keep);
  });

  it('tells the filters that narrow a hop from those that do not', () => {
    expect(narrows(NONE)).toBe(false);
    expect(narrows({ ...NONE, minWeight: 0 })).toBe(false);
    expect(narrows({ ...NONE, relTypes: [...CONNECTION_TYPES, 'CO_MENTIONED'] })).toBe(false);
    expect(narrows({ ...NONE, types: ['Person'] })).toBe(true);
    expect(narrows({ ...NONE, relTypes: ['CO_MENTIONED'] })).toBe(true);
    expect(narrows({ ...NONE, minWeight: 2 })).toBe(true);
    expect(narrows({ ...NONE, maxArticles: 1000 })).toBe(true);
    expect(narrows({ ...NONE, from: '2024-01-01' })).toBe(true);
    expect(narrows({ ...NONE, to: '2024-12-31' })).toBe(true);
  });
});
