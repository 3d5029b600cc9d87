import { describe, expect, it } from 'vitest';
import type { ExportEdge } from '../../shared/src/index.ts';
import { takingTurns } from '../../server/src/export/read.ts';

const edge = (id: string) => ({ id, source: 'a', target: 'b', type: 'CO_MENTIONED' }) as ExportEdge;
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('concurrent reads sharing one writer', () => {
  it('writes one batch at a time, each read waiting for its own', async () => {
    let writing = false;
    const written: string[] = [];
    const turns = takingTurns(async (edges) => {
      expect(writing).toBe(false);
      writing = true;
      await tick();
      written.push(...edges.map((e) => e.id));
      writing = false;
    });
    const read = async (name: string) => {
      for (let i = 0; i < 5; i++) await turns.emit([edge(`${name}${i}`)], 1);
    };
    await turns.all([read('a'), read('b')]);
    expect(written.sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4']);
  });

  it('stops the other reads when one fails, and throws the first failure', async () => {
    let batches = 0;
    const turns = takingTurns(async () => {
      batches++;
      await tick();
    });
    const failing = (async () => {
      await turns.emit([edge('x')], 0);
      throw new Error('Neo4j went away');
    })();
    const long = (async () => {
      for (let i = 0; i < 1000; i++) await turns.emit([edge(`y${i}`)], 0);
    })();
    await expect(turns.all([failing, long])).rejects.toThrow('Neo4j went away');
    expect(batches).toBeLessThan(10);
  });
});
