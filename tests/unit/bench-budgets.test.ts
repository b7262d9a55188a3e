// The performance budgets of issue 7, read from the last benchmark and size runs (the benchmark itself is not timed here).
import { describe, expect, it } from 'vitest';
import { checkBudgets, readResults, readSize } from '../bench/budgets.ts';

const results = readResults();
const size = readSize();
const checks = checkBudgets(results, size);

describe('performance budgets (tests/bench/results/latest.json and size.json)', () => {
  it('has benchmark figures to check', () => {
    expect(results, 'run `npm run bench`').not.toBeNull();
    expect(size, 'run `npm run size`').not.toBeNull();
  });

  for (const c of checks) {
    it(c.name, () => {
      expect(c.pass, c.detail).toBe(true);
    });
  }
});
