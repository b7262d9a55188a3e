// The benchmark budgets: checked on tests/bench/results/latest.json and size.json (run `npm run bench` first).
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['tests/unit/bench-budgets.test.ts'] } });
