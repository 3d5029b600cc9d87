import { describe, expect, it } from 'vitest';
import { inLanes, LaneAborted } from '../../server/src/export/lanes.ts';
import { END_OF_KEYS, ranges } from '../../server/src/export/read.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('reads at once (export/lanes)', () => {
  it('runs at most `parallel` tasks at once and never two turns at once, each task’s turns in its order', async () => {
    let running = 0;
    let most = 0;
    let inTurn = false;
    const handed: string[] = [];
    const task = (name: string, batches: number) => async (turn: <T>(work: () => Promise<T>) => Promise<T>) => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < batches; i++) {
        await tick();
        await turn(async () => {
          expect(inTurn).toBe(false);
          inTurn = true;
          await tick();
          handed.push(`${name}${i}`);
          inTurn = false;
        });
      }
      running--;
    };
    await inLanes([task('a', 4), task('b', 3), task('c', 2), task('d', 1)], 2);
    expect(most).toBe(2);
    expect(handed).toHaveLength(10);
    for (const name of 'abcd') {
      const own = handed.filter((h) => h.startsWith(name));
      expect(own).toEqual([...own].sort());
    }
    // The first two ran side by side: their turns interleave.
    expect(handed.slice(0, 2).sort()).toEqual(['a0', 'b0']);
  });

  it('stops the other lanes at their next turn after a failure, starts no further task, and throws the first error', async () => {
    const started: string[] = [];
    let afterFailure = 0;
    const failing = async (turn: <T>(work: () => Promise<T>) => Promise<T>) => {
      started.push('failing');
      await turn(async () => {});
      throw new Error('the read broke');
    };
    const long = async (turn: <T>(work: () => Promise<T>) => Promise<T>) => {
      started.push('long');
      for (let i = 0; i < 50; i++) {
        await tick();
        await turn(async () => void afterFailure++);
      }
    };
    const later = async () => void started.push('later');
    await expect(inLanes([failing, long, later], 2)).rejects.toThrow('the read broke');
    expect(started).toEqual(['failing', 'long']);
    expect(afterFailure).toBeLessThan(50);
  });

  it('LaneAborted is what a stopped lane sees', async () => {
    const seen: unknown[] = [];
    const failing = async () => {
      await tick();
      throw new Error('first');
    };
    const other = async (turn: <T>(work: () => Promise<T>) => Promise<T>) => {
      await tick();
      await tick();
      try {
        await turn(async () => {});
      } catch (error) {
        seen.push(error);
        throw error;
      }
    };
    await expect(inLanes([failing, other], 2)).rejects.toThrow('first');
    expect(seen[0]).toBeInstanceOf(LaneAborted);
  });
});

describe('key ranges', () => {
  it('cover the keys from the start to the end, each (after, up to]', () => {
    expect(ranges([])).toEqual([{ after: '', upTo: END_OF_KEYS }]);
    expect(ranges(['m', 't'])).toEqual([
      { after: '', upTo: 'm' },
      { after: 'm', upTo: 't' },
      { after: 't', upTo: END_OF_KEYS },
    ]);
    // Past every id, whose first character is its type's (ASCII); a CJK name or an astral one sorts before it too.
    for (const id of ['Person:王新亭', 'Person:𠀀', 'Location:~']) expect(id < END_OF_KEYS).toBe(true);
  });
});
