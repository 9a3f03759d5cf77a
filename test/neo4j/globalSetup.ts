import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script shared with `npm run neo4j:start`
import { HOW_TO_GET_NEO4J, startServer, stopServer } from '../../scripts/neo4j.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jError: string;
  }
}

/**
 * One Neo4j for the whole run: NEO4J_URI when set, otherwise a server started here.
 * Failing to get one does not abort the unit tests: integration tests fail with the reason (never skip).
 */
export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jError', '');
    return;
  }
  try {
    const info = await startServer({ detached: false });
    project.provide('neo4jUri', info.uri);
    project.provide('neo4jError', '');
    return async () => {
      await stopServer(info);
    };
  } catch (err) {
    project.provide('neo4jUri', '');
    project.provide('neo4jError', `${(err as Error).message}\n${HOW_TO_GET_NEO4J}`);
  }
}
