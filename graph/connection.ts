import neo4j, { type Driver } from 'neo4j-driver';

/** Connection settings from flags or env; the password is never printed, not even in errors. */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export function settingsFromEnv(uri?: string): Neo4jSettings | null {
  const u = uri ?? process.env.NEO4J_URI;
  if (!u) return null;
  return {
    uri: u,
    user: process.env.NEO4J_USER ?? process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** A driver that has answered once; a clear error (URI without credentials) otherwise. */
export async function connect(s: Neo4jSettings): Promise<Driver> {
  // bolt:// for one server, neo4j:// for cluster routing: the driver handles both.
  const auth = s.password ? neo4j.auth.basic(s.user, s.password) : undefined;
  // Transient errors (leader switch, deadlock) are retried for 15 s; a server that is gone fails sooner.
  const driver = neo4j.driver(s.uri, auth, { disableLosslessIntegers: true, connectionTimeout: 15_000, maxTransactionRetryTime: 15_000 });
  try {
    await driver.verifyConnectivity({ database: s.database });
  } catch (err) {
    await driver.close();
    const safe = redact((err as Error).message, s);
    throw new Error(`cannot reach Neo4j at ${redactUri(s.uri)} (database "${s.database}"): ${safe}. Start one with \`npm run neo4j:start\` or set NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD.`);
  }
  return driver;
}

// user:password@ in any URI of a text (the driver quotes the URI in its own errors too).
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi;

/** A URI fit to print: a password written into it (bolt://neo4j:pw@host) is replaced by ***. */
export const redactUri = (text: string) => text.replace(USERINFO, '$1***@');

function redact(text: string, s: Neo4jSettings): string {
  const safe = redactUri(text);
  return s.password ? safe.split(s.password).join('***') : safe;
}

/** A Neo4j date, time or duration as the driver returns it: its toString() is the ISO form. */
export const isTemporal = (v: unknown): boolean =>
  neo4j.isDate(v) || neo4j.isDateTime(v) || neo4j.isLocalDateTime(v) || neo4j.isTime(v) || neo4j.isLocalTime(v) || neo4j.isDuration(v);
