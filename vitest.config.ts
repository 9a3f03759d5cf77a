import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/neo4j/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration tests share one Neo4j; files clean up only what they made, so they may run in parallel,
    // but two cores gain nothing from more than two workers.
    maxWorkers: 2,
  },
});
