import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_GROWING_PERCENT, withBoundedHeapGrowth } from '../../server/src/export/heap.ts';

describe('withBoundedHeapGrowth', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const flags = () => {
    const set = vi.spyOn(v8, 'setFlagsFromString');
    return () => set.mock.calls.map(([flag]) => flag);
  };

  it('bounds the heap growth while an export runs and gives V8 its own back after', async () => {
    const calls = flags();
    const during = await withBoundedHeapGrowth(async () => calls().slice());
    expect(during).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(calls()).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
  });

  it('keeps the bound until the last of overlapping exports ends, and after a failed one', async () => {
    const calls = flags();
    let finishFirst!: () => void;
    const first = withBoundedHeapGrowth(() => new Promise<void>((resolve) => (finishFirst = resolve)), 30);
    const second = withBoundedHeapGrowth(async () => {
      throw new Error('the output was closed');
    }, 30);
    await expect(second).rejects.toThrow('the output was closed');
    expect(calls()).toEqual(['--heap-growing-percent=30']);
    finishFirst();
    await first;
    expect(calls()).toEqual(['--heap-growing-percent=30', '--heap-growing-percent=0']);
  });

  it('leaves a growth the process was started with alone', async () => {
    vi.stubEnv('NODE_OPTIONS', '--heap-growing-percent=10');
    const calls = flags();
    await withBoundedHeapGrowth(async () => {});
    expect(calls()).toEqual([]);
  });
});
