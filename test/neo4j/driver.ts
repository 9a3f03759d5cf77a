import { afterAll, beforeAll, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../graph/connection.js';
import { loadExport, unloadExport } from '../../graph/loader.js';
import type { ExportFile } from '../../graph/model.js';

export const DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';

/**
 * The run's Neo4j (test/neo4j/globalSetup.ts). Without one, the calling test fails with how to get one:
 * integration tests never skip.
 */
export async function testDriver(): Promise<Driver> {
  const error = inject('neo4jError');
  if (error) throw new Error(`No Neo4j for the integration tests: ${error}`);
  return connect({ uri: inject('neo4jUri'), user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: DATABASE });
}

/**
 * Loads `exp` before the tests of the calling scope and unloads it after, cleaning up only what it made.
 * Returns the driver (ready once the tests run).
 */
export function withLoaded(exp: ExportFile): { readonly driver: Driver } {
  const held: { driver: Driver } = {} as { driver: Driver };
  beforeAll(async () => {
    held.driver = await testDriver();
    await loadExport(held.driver, DATABASE, exp);
  });
  afterAll(async () => {
    if (!held.driver) return;
    await unloadExport(held.driver, DATABASE, exp);
    await held.driver.close();
  });
  return held;
}
