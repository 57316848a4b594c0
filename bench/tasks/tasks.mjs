// Experiments on a container image through the PiCaS token pool, against a running server and its pool
// (bench/tasks/run.sh starts both). After a warm-up of a tenth of a run, three runs:
//   1. CLIENTS researchers (default 10) submit EXPERIMENTS experiments (default 1,000) at once over HTTP; the time
//      until the pool holds every token, each token's delay from its experiment's creation to the pool (followed on
//      the pool's changes feed), and whether any is missing or there twice.
//   2. The same with the pool stopped after a fifth of the submissions and started again OUTAGE_MS later.
//   3. LATENCY_SAMPLES tokens (default 200) of one researcher are claimed and then marked done in the pool, as a pilot
//      does; the time from the done write to the subscriber's COMPLETED event.
// Usage: node tasks.mjs <server url> <pool url> <database> <Ipp.Graph.dll> <connection string> <pool folder> <pool port>
// Prints one JSON line with every figure (milliseconds).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const WebSocket = require('ws');

const [server, pool, database, dll, connection, poolFolder, poolPort] = process.argv.slice(2);
if (!poolPort) {
  console.error('usage: node tasks.mjs <server url> <pool url> <database> <Ipp.Graph.dll> <connection string> <pool folder> <pool port>');
  process.exit(2);
}
const clients = Number(process.env.CLIENTS ?? 10);
let experiments = Number(process.env.EXPERIMENTS ?? 1000);
const outageMs = Number(process.env.OUTAGE_MS ?? 3000);
const latencySamples = Number(process.env.LATENCY_SAMPLES ?? 200);
const couchScript = fileURLToPath(new URL('couch.sh', import.meta.url));
const password = 'correct horse battery staple';

async function graphql(query, variables, token) {
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function signUp(email, role) {
  await graphql('mutation($input: CreateUserInput!) { createUser(input: $input) { token } }', { input: { email, password } });
  // Roles are given by the operator's command and read at sign-in.
  execFileSync('dotnet', [dll, 'users', 'grant-role', email, role, `--ConnectionStrings:Ipp=${connection}`, '--Logging:LogLevel:Default=Warning'], { stdio: 'ignore' });
  const data = await graphql('mutation($input: AuthenticateInput!) { authenticate(input: $input) { token } }', { input: { email, password } });
  return data.authenticate.token;
}

async function createImage(token) {
  const data = await graphql(`mutation($input: CreateImageInput!) { createImage(input: $input) { image { id } errors { ... on Error { code message } } } }`, {
    input: {
      name: 'bench tool',
      path: 'library://bench/tool:1',
      roles: ['AI_RESEARCHER'],
      parameters: [
        { name: 'steps', type: 'INTEGER', required: true, min: 1, max: 1000 },
        { name: 'label', type: 'STRING' },
      ],
    },
  }, token);
  if (data.createImage.errors) throw new Error(JSON.stringify(data.createImage.errors));
  return data.createImage.image.id;
}

const createExperiment = `mutation($input: CreateExperimentInput!) {
  createExperiment(input: $input) { experiment { id } errors { ... on Error { code message } } }
}`;

function experimentNumber(globalId) {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1];
}

// When each token's experiment was created, and when the pool was first seen holding the token.
const submittedAt = new Map();
const seenAt = new Map();

// Each client submits its share one after another; the clients run at once.
async function submitAll(tokens, image, run, onSubmitted) {
  const ids = [];
  const byClient = tokens.map(() => []);
  let submitted = 0;
  await Promise.all(tokens.map(async (token, client) => {
    for (let i = client; i < experiments; i += tokens.length) {
      const data = await graphql(createExperiment, {
        input: { application: image, name: `run ${run} task ${i}`, parameters: { steps: 1 + (i % 1000), label: `it's $(task) ${i}` } },
      }, token);
      if (data.createExperiment.errors) throw new Error(JSON.stringify(data.createExperiment.errors));
      const id = experimentNumber(data.createExperiment.experiment.id);
      submittedAt.set(`ipp-experiment-${id}`, performance.now());
      ids.push(id);
      byClient[client].push(id);
      onSubmitted?.(++submitted);
    }
  }));
  return { ids, byClient };
}

async function poolTokenIds() {
  const response = await fetch(`${pool}${database}/_all_docs?startkey=${encodeURIComponent('"ipp-experiment-"')}&endkey=${encodeURIComponent('"ipp-experiment-\ufff0"')}`);
  if (!response.ok) return null;
  return (await response.json()).rows.map((row) => row.id);
}

// Follows the pool's changes feed (long polls from the last sequence: cheap for the pool, unlike listing it), noting
// when each token was first seen, until stopped.
function watchPool() {
  let watching = true;
  const done = (async () => {
    let since = (await (await fetch(`${pool}${database}`)).json()).update_seq;
    while (watching) {
      // pouchdb-server keeps a long poll that saw no change open: the client ends it.
      const url = `${pool}${database}/_changes?feed=longpoll&timeout=500&since=${encodeURIComponent(JSON.stringify(since).replace(/^"|"$/g, ''))}`;
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) }).catch(() => null);
      if (!response?.ok) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const changes = await response.json().catch(() => null);
      if (!changes) continue;
      const now = performance.now();
      for (const change of changes.results) if (!seenAt.has(change.id)) seenAt.set(change.id, now);
      since = changes.last_seq;
    }
  })();
  return async () => { watching = false; await done; };
}

// Waits until every experiment's token was seen in the pool (or 60 s passed).
async function waitForTokens(ids, startedAt) {
  const expected = ids.map((id) => `ipp-experiment-${id}`);
  while (expected.some((id) => !seenAt.has(id)) && performance.now() - startedAt < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const present = await poolTokenIds();
  const mine = present.filter((id) => expected.includes(id));
  // From each experiment's creation to its token in the pool (to within the 50 ms of the watch).
  const delays = expected.filter((id) => seenAt.has(id)).map((id) => seenAt.get(id) - submittedAt.get(id)).sort((a, b) => a - b);
  const at = (q) => Math.round(delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? NaN);
  return {
    allInPoolMs: Math.round(Math.max(...expected.map((id) => seenAt.get(id) ?? Infinity)) - startedAt),
    lost: expected.length - new Set(mine).size,
    doubled: mine.length - new Set(mine).size,
    tokenDelayMs: { p50: at(0.5), p99: at(0.99), max: Math.round(delays.at(-1) ?? NaN) },
  };
}

async function submissionRun(tokens, image, run, outage) {
  const stopWatching = watchPool();
  const startedAt = performance.now();
  let outageDone = Promise.resolve();
  let restartedAt = null;
  const onSubmitted = outage ? (count) => {
    if (count !== Math.floor(experiments / 5)) return;
    execFileSync('bash', [couchScript, 'stop', poolFolder, poolPort]);
    outageDone = new Promise((resolve) => setTimeout(() => {
      execFileSync('bash', [couchScript, 'start', poolFolder, poolPort]);
      restartedAt = performance.now();
      resolve();
    }, outageMs));
  } : undefined;
  const { ids, byClient } = await submitAll(tokens, image, run, onSubmitted);
  const submittedMs = Math.round(performance.now() - startedAt);
  await outageDone;
  const result = await waitForTokens(ids, startedAt);
  await stopWatching();
  const figures = { experiments: ids.length, submittedMs, ...result, ...(outage ? { outageMs, afterRestartMs: Math.round(startedAt + result.allInPoolMs - restartedAt) } : {}) };
  return { figures, firstClientIds: byClient[0] };
}

function subscribe(token) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const waiting = new Map();
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { experimentStatusChanged { experimentId status } }' } }));
        // The subscription is live once the server has it; a short pause is enough for one socket.
        setTimeout(() => resolve({ socket, waitFor }), 500);
      } else if (message.type === 'next') {
        const change = message.payload.data.experimentStatusChanged;
        const key = `${experimentNumber(change.experimentId)} ${change.status}`;
        waiting.get(key)?.(performance.now());
        waiting.delete(key);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    });
    // Resolves with the time the event arrived, or null after 10 s.
    function waitFor(id, status) {
      return new Promise((resolveEvent) => {
        waiting.set(`${id} ${status}`, resolveEvent);
        setTimeout(() => resolveEvent(null), 10_000);
      });
    }
  });
}

// Writes the token as a pilot does: read it, change it by its revision.
async function writeToken(id, change) {
  const url = `${pool}${database}/ipp-experiment-${id}`;
  const token = await (await fetch(url)).json();
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...token, ...change }) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
}

async function latencyRun(token, ids) {
  const { socket, waitFor } = await subscribe(token);
  const latencies = [];
  let lost = 0;
  for (const id of ids.slice(0, latencySamples)) {
    const now = Math.floor(Date.now() / 1000);
    const running = waitFor(id, 'RUNNING');
    await writeToken(id, { lock: now, hostname: 'bench-node' });
    await running;
    const completed = waitFor(id, 'COMPLETED');
    const writtenAt = performance.now();
    await writeToken(id, { done: now + 1, exit_code: 0 });
    const arrivedAt = await completed;
    if (arrivedAt === null) lost++;
    else latencies.push(arrivedAt - writtenAt);
  }
  socket.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return { samples: latencies.length, lost, p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? NaN) };
}

const maintainer = await signUp('maintainer@bench.example.org', 'MAINTAINER');
const image = await createImage(maintainer);
const researchers = [];
for (let i = 0; i < clients; i++) researchers.push(await signUp(`researcher${i}@bench.example.org`, 'AI_RESEARCHER'));

// A warm-up of a tenth of a run, as a server that has been up a while has (JIT, connection pools), not measured.
const warmUp = experiments;
experiments = Math.max(clients, Math.floor(warmUp / 10));
await submissionRun(researchers, image, 0, false);
experiments = warmUp;
const first = await submissionRun(researchers, image, 1, false);
const withOutage = await submissionRun(researchers, image, 2, true);
const latency = await latencyRun(researchers[0], [...first.firstClientIds, ...withOutage.firstClientIds]);
console.log(JSON.stringify({ clients, first: first.figures, withOutage: withOutage.figures, latency }));
