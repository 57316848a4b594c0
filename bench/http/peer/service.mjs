// What every Node peer of bench/http/run.sh serves, with Ipp.Graph's semantics, from the SQLite file Ipp.Graph made
// (read with sql.js, SQLite compiled to WebAssembly): the repository's schema.graphql with resolvers for the fields
// the benchmark's queries use, and the caller of a request.
// - `Authorization: Bearer <token>`: the token's SHA-256 is looked up in `sessions` (joined with the user and their
//   roles) and the caller remembered by that hash, as Ipp.Graph's signed-in callers cache does; a remembered caller
//   is checked against its session's expiry on every request. An unknown, malformed or expired token leaves the
//   request anonymous;
// - `me`: the session's user (null when anonymous);
// - `node(id:)`: the id is base64url("User:<key>"); a user sees only themself, anyone else is null.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { buildSchema } from 'graphql';
import initSqlJs from 'sql.js';

/** Like Ipp.Graph's Accounts:SessionCacheSize default. */
const cacheSize = 10_000;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The database file and port of a peer's command line: `node <peer>.mjs <database file> <port>`. */
export function readArguments() {
  const [databaseFile, port] = process.argv.slice(2);
  if (!databaseFile || !port) {
    console.error('usage: node <peer>.mjs <database file> <port>   (listens on 127.0.0.1; prints "listening" when ready)');
    process.exit(2);
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => process.exit(0));
  }
  return { databaseFile, port: Number(port) };
}

/** EF Core writes DateTime as "yyyy-MM-dd HH:mm:ss.fffffff" in UTC. */
function utc(text) {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

function globalId(typeName, key) {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

/** The type name and key of a global id (base64url of "User:42"); null when the text is not one. */
function decodeGlobalId(id) {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.lastIndexOf(':');
  const key = text.slice(colon + 1);
  return colon > 0 && /^\d+$/.test(key) ? { typeName: text.slice(0, colon), key: Number(key) } : null;
}

/** Finds callers by their token in the database file, remembering them by the token's hash. */
async function openCallers(databaseFile) {
  // sql.js reads the main file only: rows still in a write-ahead log would be missing.
  const wal = `${databaseFile}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    console.error(`${wal} is not empty: stop the server that wrote it (its shutdown checkpoints the log) first.`);
    process.exit(1);
  }

  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(databaseFile));
  // Prepared once, like Ipp.Graph's compiled query.
  const findSession = db.prepare(
    `SELECT s.expires_at, u.id, u.email, u.created_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ?`);
  const findRoles = db.prepare('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role');
  const remembered = new Map();

  function load(hash) {
    try {
      findSession.bind([hash]);
      if (!findSession.step()) {
        return null;
      }
      const [expiresAt, key, email, createdAt] = findSession.get();
      const roles = [];
      findRoles.bind([key]);
      while (findRoles.step()) {
        roles.push(findRoles.get()[0]);
      }
      const user = { __typename: 'User', key, id: globalId('User', key), email, roles, createdAt: utc(createdAt) };
      return { user, expiresAt: utc(expiresAt).getTime() };
    } finally {
      findSession.reset();
      findRoles.reset();
    }
  }

  /** The caller's user when the request carries the token of a live session; null otherwise. */
  return function callerOf(authorization) {
    if (typeof authorization !== 'string' || !/^bearer /i.test(authorization)) {
      return null;
    }
    const token = authorization.slice(7).trim();
    if (!tokenPattern.test(token)) {
      return null;
    }
    const hash = createHash('sha256').update(token, 'ascii').digest();
    const key = hash.toString('base64');
    let caller = remembered.get(key);
    if (caller === undefined) {
      caller = load(hash);
      if (caller === null) {
        return null;
      }
      if (remembered.size >= cacheSize) {
        remembered.clear();
      }
      remembered.set(key, caller);
    }
    return Date.now() < caller.expiresAt ? caller.user : null;
  };
}

/**
 * The schema with its resolvers (on the fields, so every peer's executor, graphql-jit's too, runs them) and the
 * caller lookup; each peer puts `{ caller: callerOf(authorization header) }` in its GraphQL context.
 */
export async function openService(databaseFile) {
  const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
  // DateTime as Ipp.Graph writes it: RFC 3339 in UTC with milliseconds.
  schema.getType('DateTime').serialize = (value) => value.toISOString();
  const query = schema.getQueryType().getFields();
  query.me.resolve = (_root, _args, { caller }) => caller;
  query.node.resolve = (_root, { id }, { caller }) => {
    const global = decodeGlobalId(id);
    return caller && global?.typeName === 'User' && global.key === caller.key ? caller : null;
  };
  return { schema, callerOf: await openCallers(databaseFile) };
}
