// Unit tests run in Node: pure logic from lib/ and components rendered to strings.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 30000,
  },
});
