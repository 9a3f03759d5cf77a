import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../graph/connection.js';

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
