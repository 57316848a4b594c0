// The soak's summary: the server's memory, GC and descriptors over time (a row a minute), their drift, and what the
// subscribers and the queries got. Reads what bench/soak/run.sh collected.
// Usage: node report.mjs <result.json> <process.tsv> <counters.csv>
import { readFileSync } from 'node:fs';

const [resultFile, processFile, countersFile] = process.argv.slice(2);
const result = JSON.parse(readFileSync(resultFile, 'utf8'));
const mib = (bytes) => bytes / 1024 / 1024;
const fixed = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));

// The process as /proc saw it: seconds, VmRSS (kB), descriptors, threads.
const samples = readFileSync(processFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => {
  const [t, rss, fds, threads] = line.split('\t').map(Number);
  return { t, rss: rss / 1024, fds, threads };
});

// dotnet-counters: one group of lines per 10 s; heap sizes are per generation (summed), collections per interval
// (accumulated).
const counters = [];
const totals = { gen0: 0, gen1: 0, gen2: 0 };
let current = null;
for (const line of readFileSync(countersFile, 'utf8').trim().split('\n').slice(1)) {
  const [stamp, , name, , value] = line.split(',');
  if (!current || current.stamp !== stamp) {
    current = { stamp, heap: 0, committed: null, gen0: totals.gen0, gen1: totals.gen1, gen2: totals.gen2, pause: 0 };
    counters.push(current);
  }
  const number = Number(value);
  if (name.startsWith('dotnet.gc.last_collection.heap.size')) current.heap += mib(number);
  else if (name.startsWith('dotnet.gc.last_collection.memory.committed_size')) current.committed = mib(number);
  else if (name.startsWith('dotnet.gc.pause.time')) current.pause = number;
  else if (name.startsWith('dotnet.gc.collections')) {
    const generation = name.match(/generation=(gen\d)/)[1];
    totals[generation] += number;
    current[generation] = totals[generation];
  }
}
// Groups that carried only the rates belong with the metrics' group before them.
const rows = counters.filter((row) => row.committed !== null);

const table = ['| min | RSS MiB | GC heap MiB | GC committed MiB | gen0 | gen1 | gen2 | descriptors | threads |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
for (let i = 0; i < samples.length; i++) {
  if (i % 6 !== 0 && i !== samples.length - 1) continue;
  const s = samples[i];
  const c = rows[Math.min(i, rows.length - 1)] ?? {};
  table.push(`| ${fixed(s.t / 60, 1)} | ${fixed(s.rss)} | ${fixed(c.heap)} | ${fixed(c.committed)} | ${c.gen0 ?? '-'} | ${c.gen1 ?? '-'} | ${c.gen2 ?? '-'} | ${s.fds} | ${s.threads} |`);
}
console.log(table.join('\n'));

// Drift: least-squares slope (per minute) over the samples under load (the subscribers' sockets open: at least half
// the most descriptors seen) after its first two minutes (warm-up).
function slope(points) {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}
const mostFds = Math.max(...samples.map((s) => s.fds));
const loaded = samples.filter((s) => s.fds >= mostFds / 2);
const settled = loaded.filter((s) => s.t >= loaded[0].t + 120);
const lastLoaded = loaded[loaded.length - 1];
const rssSlope = slope(settled.map((s) => ({ x: s.t / 60, y: s.rss })));
const fdSlope = slope(settled.map((s) => ({ x: s.t / 60, y: s.fds })));
const last = samples[samples.length - 1];
const lastGc = rows[rows.length - 1] ?? {};
const heaps = rows.map((r) => r.heap);

console.log('');
console.log(`RSS: ${fixed(samples[0].rss)} MiB at the start, ${fixed(Math.max(...samples.map((s) => s.rss)))} MiB at most, ${fixed(lastLoaded.rss)} MiB at the end of the load, ${fixed(last.rss)} MiB idle after it; drift under load after 2 min ${fixed(rssSlope, 2)} MiB/min`);
console.log(`GC heap after the last collection: ${fixed(Math.min(...heaps))} to ${fixed(Math.max(...heaps))} MiB; committed at the end ${fixed(lastGc.committed)} MiB; collections gen0 ${lastGc.gen0}, gen1 ${lastGc.gen1}, gen2 ${lastGc.gen2}`);
console.log(`Descriptors: ${Math.min(...samples.map((s) => s.fds))} to ${Math.max(...samples.map((s) => s.fds))}, drift under load after 2 min ${fixed(fdSlope, 2)}/min; threads ${Math.min(...samples.map((s) => s.threads))} to ${Math.max(...samples.map((s) => s.threads))}`);
console.log(`Events: ${result.events} recorded, ${result.owed} owed to subscribers (${result.subscribersOpened} opened), ${result.lost} lost, ${result.doubled} doubled; latency p50 ${result.eventP50} ms, p99 ${result.eventP99} ms`);
console.log(`Queries: ${result.requests} (${result.requestsPerSecond}/s), ${result.requestsFailed} failed; latency p50 ${result.requestP50} ms, p99 ${result.requestP99} ms; experiments: ${result.experiments} started, ${result.experimentsDeleted} went through to deletion`);
if (result.failures.length > 0) console.log(`Failures:\n  ${result.failures.join('\n  ')}`);
console.log('');
console.log('| RSS start → end of load (MiB) | drift (MiB/min) | GC heap (MiB) | committed (MiB) | gen0/gen1/gen2 | descriptors | lost | doubled | event p50/p99 (ms) | queries/s (p99 ms) |');
console.log(`| ${fixed(samples[0].rss)} → ${fixed(lastLoaded.rss)} | ${fixed(rssSlope, 2)} | ${fixed(Math.min(...heaps))}–${fixed(Math.max(...heaps))} | ${fixed(lastGc.committed)} | ${lastGc.gen0}/${lastGc.gen1}/${lastGc.gen2} | ${Math.min(...samples.map((s) => s.fds))}–${Math.max(...samples.map((s) => s.fds))} | ${result.lost} | ${result.doubled} | ${result.eventP50}/${result.eventP99} | ${result.requestsPerSecond} (${result.requestP99}) |`);
