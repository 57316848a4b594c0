// Many WebSocket subscribers of one user against a running server; the backend's folder moves are made here, and
// for each move the time from the rename to each subscriber's receipt of the event is measured.
// Speaks graphql-transport-ws over `ws` (tests/js) directly, so the client adds as little as possible per message.
// Usage: node subscribers.mjs <ws url of /graphql> <token> <uploads root> <uid> <eid,eid,...> <subscribers>
// The first eid warms up (every subscriber must receive its move: then all are live), the others are measured.
// Each experiment's folder must be in <uploads>/<uid>/submitted/<eid>; it is moved to completed/.
// Prints one JSON line: {"subscribers", "moves", "samples", "lost", "p50", "p99", "max", "mean"} (milliseconds).
import { createRequire } from 'node:module';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const WebSocket = require('ws');

const [url, token, uploads, uid, eidList, count] = process.argv.slice(2);
if (!url || !token || !uploads || !uid || !eidList || !count) {
  console.error('usage: node subscribers.mjs <ws url> <token> <uploads root> <uid> <eid,eid,...> <subscribers>');
  process.exit(2);
}
const eids = eidList.split(',');
const subscribers = Number(count);
const query = `subscription {
  experimentStatusChanged { cursor experimentId status previousStatus changedAt experiment { id name status } }
}`;

// Which move is being waited for: its experiment's global id, the moment of its rename, and the receipts.
let current = null;

function connect() {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('error', reject);
    socket.on('close', (code, reason) => {
      if (current) current.closed++;
      reject(new Error(`closed ${code} ${reason}`));
    });
    socket.on('message', (data) => {
      const message = JSON.parse(data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve(socket);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next' && current) {
        const change = message.payload.data?.experimentStatusChanged;
        if (change && change.experimentId === current.experimentId && change.status === 'COMPLETED') {
          current.latencies.push(performance.now() - current.renamedAt);
          if (current.latencies.length === subscribers) current.done();
        }
      } else if (message.type === 'error') {
        console.error(JSON.stringify(message));
        process.exit(1);
      }
    });
  });
}

function globalId(eid) {
  return Buffer.from(`Experiment:${eid}`).toString('base64url');
}

// One move: rename the folder, wait until every subscriber got the event (or 10 s passed).
async function move(eid) {
  mkdirSync(join(uploads, uid, 'completed'), { recursive: true });
  const move = { experimentId: globalId(eid), latencies: [], closed: 0 };
  const finished = new Promise((resolve) => {
    move.done = resolve;
    setTimeout(resolve, 10_000);
  });
  current = move;
  move.renamedAt = performance.now();
  renameSync(join(uploads, uid, 'submitted', eid), join(uploads, uid, 'completed', eid));
  await finished;
  current = null;
  return move;
}

const sockets = [];
for (let i = 0; i < subscribers; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(i + 50, subscribers); j++) batch.push(connect());
  sockets.push(...(await Promise.all(batch)));
}

const warmUp = await move(eids[0]);
if (warmUp.latencies.length !== subscribers) {
  console.error(`warm-up: only ${warmUp.latencies.length} of ${subscribers} subscribers received the move`);
  process.exit(1);
}

const latencies = [];
let lost = 0;
for (const eid of eids.slice(1)) {
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the previous burst settle
  const measured = await move(eid);
  latencies.push(...measured.latencies);
  lost += subscribers - measured.latencies.length;
}

for (const socket of sockets) {
  socket.removeAllListeners('close');
  socket.close(1000);
}

latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({
  subscribers,
  moves: eids.length - 1,
  samples: latencies.length,
  lost,
  p50: round(at(0.5)),
  p99: round(at(0.99)),
  max: round(latencies[latencies.length - 1]),
  mean: round(latencies.reduce((sum, x) => sum + x, 0) / latencies.length),
}));
