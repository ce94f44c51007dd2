import { defineConfig } from 'vitest/config';

/** `npm test -w subgraphs/riec`: this subgraph's own tests; each file migrates and seeds its own database. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
