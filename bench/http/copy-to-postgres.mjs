// Prints the SQL that copies the bench's caller (its user, roles and session) from the SQLite file into a PostgreSQL
// database of the same schema, so that Ipp.Graph on PostgreSQL answers the same token with the same bytes.
// Usage: node copy-to-postgres.mjs <SQLite file> | psql ...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('peer/package.json', import.meta.url));
const initSqlJs = require('sql.js');

const [databaseFile] = process.argv.slice(2);
const SQL = await initSqlJs();
const db = new SQL.Database(readFileSync(databaseFile));

/**
 * A value as a PostgreSQL literal: SQLite keeps times as UTC text, which the session's UTC time zone reads as such,
 * and booleans as 0 and 1, so numbers go as untyped literals too, which each column's type reads ('0' is false).
 */
function literal(value) {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return `'${value}'`;
  if (value instanceof Uint8Array) return `'\\x${Buffer.from(value).toString('hex')}'::bytea`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

console.log("SET TIME ZONE 'UTC';");
for (const table of ['users', 'user_roles', 'sessions']) {
  const [result] = db.exec(`SELECT * FROM ${table}`);
  for (const row of result?.values ?? []) {
    console.log(`INSERT INTO ${table} (${result.columns.join(', ')}) VALUES (${row.map(literal).join(', ')});`);
  }
}
