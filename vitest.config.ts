// Unit tests run in Node: pure logic from lib/ and components rendered to strings.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // The benchmark budgets are checked on the latest benchmark figures by `npm run test:budgets`, apart from the
    // functional suite: a budget broken on this machine is reported there, not hidden among behaviour tests.
    exclude: ['tests/unit/bench-budgets.test.ts', 'node_modules/**'],
    testTimeout: 30000,
  },
});
