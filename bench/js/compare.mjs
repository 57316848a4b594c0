// Joins BenchmarkDotNet's JSON reports with the JavaScript peers' results (same case names) and prints a Markdown
// table: mean time per operation of each engine and the ratios graphql-js / Ipp.Graph and graphql-jit / Ipp.Graph
// (higher is better for us).
// Usage: node bench/js/compare.mjs <artifacts folder holding results/*.json and peers.json>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

const folder = process.argv[2];
const peers = JSON.parse(readFileSync(join(folder, 'peers.json'), 'utf8'));
const ours = {};
for (const file of readdirSync(join(folder, 'results')).filter((name) => name.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(folder, 'results', file), 'utf8'));
  for (const benchmark of report.Benchmarks) {
    const name = (benchmark.MethodTitle ?? benchmark.Method).replace(/^'|'$/g, '');
    ours[name] = {
      meanUs: benchmark.Statistics.Mean / 1000,
      allocatedBytes: benchmark.Memory?.BytesAllocatedPerOperation,
    };
  }
}

const version = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
const format = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
const ratio = (theirs, mine) => (theirs && mine ? `${(theirs.meanUs / mine.meanUs).toFixed(1)}x` : '');
console.log(`Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, graphql ${version('graphql')}, graphql-jit ${version('graphql-jit')}`);
console.log();
console.log('| case | graphql-js 16 | graphql-jit | Ipp.Graph | ratio to graphql-js | ratio to graphql-jit | Ipp.Graph allocated |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, js] of Object.entries(peers['graphql-js'])) {
  const jit = peers['graphql-jit'][name];
  const mine = ours[name];
  const allocated = mine?.allocatedBytes === undefined ? '' : `${(mine.allocatedBytes / 1024).toFixed(1)} KiB`;
  console.log(`| ${name} | ${format(js.meanUs)} | ${jit ? format(jit.meanUs) : 'n/a'} | ${mine ? format(mine.meanUs) : '(not run)'} `
    + `| ${ratio(js, mine)} | ${ratio(jit, mine)} | ${allocated} |`);
}
console.log();
console.log('graphql-jit: n/a for parsing and validation, which it leaves to graphql-js (it compiles a parsed, validated');
console.log('document). Cached cases run a query compiled once before timing (customJSONSerializer on); uncached cases');
console.log('parse, validate, compile and run on every operation.');
