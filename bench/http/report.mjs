// Prints bench/http/run.sh's results as a Markdown table: each server's requests/s, latency and CPU time per request
// for each query, and Ipp.Graph's requests/s against each other server's: a ratio for the peers, a percentage for
// the floor (the same work without GraphQL). Then the peers' package versions.
// Usage: node report.mjs <results.jsonl> <settings line>
import { readFileSync } from 'node:fs';

const [resultsFile, settings] = process.argv.slice(2);
const results = readFileSync(resultsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const queries = { me: '`me`', nodes50: '50 × `node(id:)`' };

const ms = (microseconds) => `${(microseconds / 1000).toFixed(2)} ms`;
const rate = (result) => result.requests / result.seconds;
const cpuPerRequest = (result) => `${Math.round((result.cpu_ticks / result.ticks_per_second / result.requests) * 1e6)} µs`;

/**
 * Ipp.Graph's requests/s against the result's: n.nx for a peer, a percentage of the floor's (for Ipp.Graph on SQLite
 * and, after a slash, on PostgreSQL), nothing for Ipp.Graph's own.
 */
function comparison(ours, onPostgres, result) {
  const percent = (server) => `${Math.round((rate(server) / rate(result)) * 100)}%`;
  switch (result.role) {
    case 'peer':
      return ours ? `${(rate(ours) / rate(result)).toFixed(1)}x` : '';
    case 'floor':
      return [ours, onPostgres].filter(Boolean).map(percent).join(' / ');
    default:
      return '';
  }
}

console.log(settings);
console.log();
console.log('| query | server | requests/s | p50 | p99 | server CPU per request | Ipp.Graph\'s requests/s against it |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const [query, title] of Object.entries(queries)) {
  const ours = results.find((result) => result.role === 'ipp' && result.query === query);
  const onPostgres = results.find((result) => result.role === 'postgres' && result.query === query);
  for (const result of results.filter((candidate) => candidate.query === query)) {
    console.log(`| ${title} | ${result.server} | ${Math.round(rate(result))} | ${ms(result.p50_us)} | ${ms(result.p99_us)} `
      + `| ${cpuPerRequest(result)} | ${comparison(ours, onPostgres, result)} |`);
  }
}

const packages = ['graphql', 'graphql-http', 'fastify', 'mercurius', 'graphql-jit', '@apollo/server', 'sql.js'];
const version = (name) => JSON.parse(readFileSync(new URL(`peer/node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
console.log();
console.log(`Node packages: ${packages.map((name) => `${name} ${version(name)}`).join(', ')}.`);

const failures = results.filter((result) => result.non2xx > 0 || result.socket_errors > 0);
for (const result of failures) {
  console.log(`\n${result.server}, ${result.query}: ${result.non2xx} non-2xx responses, ${result.socket_errors} socket errors`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
