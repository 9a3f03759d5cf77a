import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/neo4j/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Test files share one Neo4j and the cookbook's questions are about the whole graph, so files run one
    // at a time; each still loads its own data and cleans up only what it made.
    fileParallelism: false,
  },
});
