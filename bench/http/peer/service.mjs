// The graphql-js peer of bench/http/run.sh: graphql-http's createHandler on node:http, serving the repository's
// schema.graphql from the SQLite file Ipp.Graph made (read with sql.js, SQLite compiled to WebAssembly).
// Only what the benchmark's queries need, with Ipp.Graph's semantics:
// - `Authorization: Bearer <token>`: the token's SHA-256 is looked up in `sessions` on every request; an unknown,
//   malformed or expired token leaves the request anonymous;
// - `me`: the session's user (null when anonymous);
// - `node(id:)`: the id is base64url("User:<key>"); a user sees only themself, anyone else is null.
// Usage: node server.mjs <database file> <port>   (listens on 127.0.0.1; prints "listening" when ready)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import initSqlJs from 'sql.js';

const [databaseFile, port] = process.argv.slice(2);
if (!databaseFile || !port) {
  console.error('usage: node server.mjs <database file> <port>');
  process.exit(2);
}

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

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** EF Core writes DateTime as "yyyy-MM-dd HH:mm:ss.fffffff" in UTC. */
function utc(text) {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

function globalId(typeName, key) {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

/** The caller's user when the request carries the token of a live session; null otherwise. */
function findCaller(authorization) {
  if (typeof authorization !== 'string' || !/^bearer /i.test(authorization)) {
    return null;
  }
  const token = authorization.slice(7).trim();
  if (!tokenPattern.test(token)) {
    return null;
  }
  const hash = createHash('sha256').update(token, 'ascii').digest();
  try {
    findSession.bind([hash]);
    if (!findSession.step()) {
      return null;
    }
    const [expiresAt, key, email, createdAt] = findSession.get();
    if (Date.now() >= utc(expiresAt).getTime()) {
      return null;
    }
    const roles = [];
    findRoles.bind([key]);
    while (findRoles.step()) {
      roles.push(findRoles.get()[0]);
    }
    return { __typename: 'User', key, id: globalId('User', key), email, roles, createdAt: utc(createdAt) };
  } finally {
    findSession.reset();
    findRoles.reset();
  }
}

/** The type name and key of a global id (base64url of "User:42"); null when the text is not one. */
function decodeGlobalId(id) {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.lastIndexOf(':');
  const key = text.slice(colon + 1);
  return colon > 0 && /^\d+$/.test(key) ? { typeName: text.slice(0, colon), key: Number(key) } : null;
}

const here = dirname(fileURLToPath(import.meta.url));
const schema = buildSchema(readFileSync(join(here, '../../../schema.graphql'), 'utf8'));
// DateTime as Ipp.Graph writes it: RFC 3339 in UTC with milliseconds.
schema.getType('DateTime').serialize = (value) => value.toISOString();

const rootValue = {
  me: (_args, { caller }) => caller,
  node: ({ id }, { caller }) => {
    const global = decodeGlobalId(id);
    return caller && global?.typeName === 'User' && global.key === caller.key ? caller : null;
  },
};

const handler = createHandler({
  schema,
  rootValue,
  context: (req) => ({ caller: findCaller(req.headers.authorization) }),
});

const server = createServer((req, res) => {
  if (req.url === '/graphql' || req.url.startsWith('/graphql?')) {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log('listening'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
