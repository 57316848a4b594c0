// Prints bench/http/run.sh's results as a Markdown table: each server's requests/s, latency and CPU time per request
// for each query, and the ratio of Ipp.Graph's requests/s to the Node server's.
// Usage: node report.mjs <results.jsonl> <settings line>
import { readFileSync } from 'node:fs';

const [resultsFile, settings] = process.argv.slice(2);
const results = readFileSync(resultsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const peer = 'graphql-http (Node)';
const queries = { me: '`me`', nodes50: '50 × `node(id:)`' };

const ms = (microseconds) => `${(microseconds / 1000).toFixed(2)} ms`;
const rate = (result) => result.requests / result.seconds;
const cpuPerRequest = (result) => `${Math.round((result.cpu_ticks / result.ticks_per_second / result.requests) * 1e6)} µs`;

console.log(settings);
console.log();
console.log('| query | server | requests/s | p50 | p99 | server CPU per request | ratio (requests/s) |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const [query, title] of Object.entries(queries)) {
  const theirs = results.find((result) => result.server === peer && result.query === query);
  for (const result of results.filter((candidate) => candidate.query === query)) {
    const ratio = result.server === peer ? '1.0x' : `${(rate(result) / rate(theirs)).toFixed(1)}x`;
    console.log(`| ${title} | ${result.server} | ${Math.round(rate(result))} | ${ms(result.p50_us)} | ${ms(result.p99_us)} | ${cpuPerRequest(result)} | ${ratio} |`);
  }
}

const failures = results.filter((result) => result.non2xx > 0 || result.socket_errors > 0);
for (const result of failures) {
  console.log(`\n${result.server}, ${result.query}: ${result.non2xx} non-2xx responses, ${result.socket_errors} socket errors`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
