import { describe, expect, it } from 'vitest';
import { inBatches } from '../../../src/lib/build/batches.ts';

describe('inBatches', () => {
  it('does every item, never more than the batch size at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inBatches([...Array(10).keys()], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1));
      done.push(n);
      running--;
    });
    expect(done.sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(most).toBe(3);
  });

  it('stops at the first batch that fails, with its error', async () => {
    const seen: number[] = [];
    await expect(
      inBatches([1, 2, 3, 4], 2, async (n) => {
        seen.push(n);
        if (n === 2) throw new Error('no 2');
      }),
    ).rejects.toThrow('no 2');
    expect(seen).toEqual([1, 2]);
  });
});
