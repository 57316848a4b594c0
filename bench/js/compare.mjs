// Joins BenchmarkDotNet's JSON reports with the graphql-js peer's results (same case names) and prints a
// Markdown table: mean time per operation of each and the ratio graphql-js / Ipp.Graph (higher is better for us).
// Usage: node bench/js/compare.mjs <artifacts folder holding results/*.json and graphql-js.json>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

const folder = process.argv[2];
const peer = JSON.parse(readFileSync(join(folder, 'graphql-js.json'), 'utf8'));
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

const format = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
console.log(`Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}`);
console.log();
console.log('| case | graphql-js 16 | Ipp.Graph | ratio | Ipp.Graph allocated |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, theirs] of Object.entries(peer)) {
  const mine = ours[name];
  if (!mine) {
    console.log(`| ${name} | ${format(theirs.meanUs)} | (not run) | | |`);
    continue;
  }
  const ratio = theirs.meanUs / mine.meanUs;
  const allocated = mine.allocatedBytes === undefined ? '' : `${(mine.allocatedBytes / 1024).toFixed(1)} KiB`;
  console.log(`| ${name} | ${format(theirs.meanUs)} | ${format(mine.meanUs)} | ${ratio.toFixed(1)}x | ${allocated} |`);
}
