// The soak's load against a running server, for a set time: WebSocket subscribers of experimentStatusChanged spread
// over the users, GraphQL queries at a steady rate, an experiment's whole life every few seconds (created as a draft,
// submitted, moved on disk by this "backend" to running then completed, deleted), and subscribers replaced in
// batches (closed normally, new ones opened). At the end every subscriber's events are compared with the events the
// server recorded (its database), for those the subscriber was there for.
// Speaks graphql-transport-ws over `ws` (tests/js) directly. A new subscriber subscribes after the last event its
// user's subscribers have seen (`after`), so it is owed every later event, replayed or live.
//
// Usage: node soak.mjs <config.json>, config: { url, database, uploads, users: [{ token, uid }], subscribers,
//   seconds, requestsPerSecond, experimentEverySeconds, churn, churnEverySeconds }
// Prints one JSON object (see `report` at the end).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const WebSocket = require('ws');

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const httpUrl = config.url;
const wsUrl = httpUrl.replace(/^http/, 'ws');
const query = 'subscription ($after: String) { experimentStatusChanged(after: $after) { cursor experimentId status changedAt } }';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => Date.now();
const decodeId = (id) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
const failures = [];

// ---- subscribers ----

// Per user: the last event any of its subscribers received ({ cursor, key }): where a new subscriber starts.
const lastSeen = new Map();
// Every change any subscriber received ("uid eid status").
const seen = new Set();
// When each event's cause happened (key "eid status"): the mutation's request or the folder's rename.
const causedAt = new Map();
const subscribers = [];
const latencies = [];

function subscribe(user) {
  const after = lastSeen.get(user.uid) ?? null;
  const subscriber = { uid: user.uid, after: after?.key ?? null, openedAt: now(), closedAt: null, received: new Map(), socket: null };
  subscribers.push(subscriber);
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    subscriber.socket = socket;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.token}` } })));
    socket.on('error', (error) => reject(error));
    socket.on('close', (code, reason) => {
      if (subscriber.closedAt === null) {
        failures.push(`a subscriber of user ${user.uid} was closed by the server: ${code} ${reason}`);
        subscriber.closedAt = now();
      }
    });
    socket.on('message', (data) => {
      const message = JSON.parse(data);
      if (message.type === 'connection_ack') {
        subscriber.subscribedAt = now();
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { after: after?.cursor ?? null } } }));
        resolve(subscriber);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next') {
        const change = message.payload.data?.experimentStatusChanged;
        if (!change) {
          failures.push(`an error event: ${JSON.stringify(message.payload)}`);
          return;
        }
        const key = `${decodeId(change.experimentId)} ${change.status}`;
        subscriber.received.set(key, (subscriber.received.get(key) ?? 0) + 1);
        lastSeen.set(user.uid, { cursor: change.cursor, key });
        seen.add(`${user.uid} ${key}`);
        const cause = causedAt.get(key);
        if (cause !== undefined && cause > subscriber.subscribedAt) latencies.push(now() - cause);
      } else if (message.type === 'error' || message.type === 'complete') {
        failures.push(`the subscription of a subscriber of user ${user.uid} ended: ${JSON.stringify(message)}`);
      }
    });
  });
}

function close(subscriber) {
  subscriber.closedAt = now();
  subscriber.socket.close(1000);
}

// ---- GraphQL over HTTP ----

const requestLatencies = [];
let requestsSent = 0;
let requestsFailed = 0;

async function graphql(user, document, variables) {
  const response = await fetch(`${httpUrl}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

const listQuery = '{ me { email } experiments(first: 5) { totalCount nodes { id name status createdAt } } }';

async function oneRequest(user) {
  const started = now();
  requestsSent++;
  try {
    await graphql(user, listQuery);
    requestLatencies.push(now() - started);
  } catch (error) {
    requestsFailed++;
    if (requestsFailed <= 5) failures.push(`a query failed: ${error.message}`);
  }
}

// ---- experiments' lives ----

let experimentsStarted = 0;
let experimentsDeleted = 0;
const lives = [];

// Waits until a subscriber of the user received the change: the backend moves on once the server announced it.
async function waitSeen(uid, key, within) {
  const deadline = now() + within;
  while (now() < deadline) {
    if (seen.has(`${uid} ${key}`)) return true;
    await sleep(20);
  }
  return false;
}

async function live(user, n) {
  try {
    const created = await graphql(user,
      `mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } errors { ... on Error { code message } } } }`,
      { input: { application: 'data-request', name: `soak${n}`, parameters: { institution: 'Soak', purpose: 'research' }, draft: true } });
    if (created.createExperiment.errors) throw new Error(JSON.stringify(created.createExperiment.errors));
    const id = created.createExperiment.experiment.id;
    const eid = decodeId(id);
    causedAt.set(`${eid} EDITING`, now());
    causedAt.set(`${eid} SUBMITTED`, now());
    const submitted = await graphql(user, 'mutation ($id: ID!) { submitExperiment(input: { id: $id }) { errors { ... on Error { code message } } } }', { id });
    if (submitted.submitExperiment.errors) throw new Error(JSON.stringify(submitted.submitExperiment.errors));

    const folder = (status) => join(config.uploads, String(user.uid), status, String(eid));
    for (const [from, to] of [['submitted', 'running'], ['running', 'completed']]) {
      await sleep(500);
      mkdirSync(join(config.uploads, String(user.uid), to), { recursive: true });
      causedAt.set(`${eid} ${to.toUpperCase()}`, now());
      renameSync(folder(from), folder(to));
      if (!await waitSeen(user.uid, `${eid} ${to.toUpperCase()}`, 15_000)) throw new Error(`experiment ${eid}: ${to} was not announced within 15 s`);
    }

    await sleep(500);
    const deleted = await graphql(user, 'mutation ($id: ID!) { deleteExperiment(input: { id: $id }) { deletedId errors { ... on Error { code message } } } }', { id });
    if (deleted.deleteExperiment.errors) throw new Error(JSON.stringify(deleted.deleteExperiment.errors));
    experimentsDeleted++;
  } catch (error) {
    failures.push(`experiment life ${n}: ${error.message}`);
  }
}

// ---- the run ----

const users = config.users;
const perUser = Math.ceil(config.subscribers / users.length);
for (let i = 0; i < config.subscribers; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(i + 50, config.subscribers); j++) batch.push(subscribe(users[Math.floor(j / perUser)]));
  await Promise.all(batch);
}

const started = now();
const end = started + config.seconds * 1000;
let ticks = 0;
const requestTimer = setInterval(() => {
  // Ten batches a second, each a tenth of the rate.
  const batch = Math.round(config.requestsPerSecond / 10);
  for (let i = 0; i < batch; i++) oneRequest(users[(ticks * batch + i) % users.length]);
  ticks++;
}, 100);
const experimentTimer = setInterval(() => {
  const n = experimentsStarted++;
  lives.push(live(users[n % users.length], n));
}, config.experimentEverySeconds * 1000);
const churnTimer = setInterval(async () => {
  const open = subscribers.filter((s) => s.closedAt === null);
  const leaving = open.sort(() => Math.random() - 0.5).slice(0, config.churn);
  for (const subscriber of leaving) close(subscriber);
  try {
    await Promise.all(leaving.map((s) => subscribe(users.find((u) => u.uid === s.uid))));
  } catch (error) {
    failures.push(`a new subscriber failed: ${error.message}`);
  }
}, config.churnEverySeconds * 1000);

await sleep(end - now());
clearInterval(requestTimer);
clearInterval(experimentTimer);
clearInterval(churnTimer);
await Promise.all(lives);
await sleep(3000); // the last events reach everyone
for (const subscriber of subscribers) {
  if (subscriber.closedAt === null) close(subscriber);
}

// ---- what the server recorded, and what each subscriber was owed ----

const recorded = execFileSync('sqlite3', ['-separator', ' ', config.database,
  'SELECT id, user_id, experiment_id, status, occurred_at FROM experiment_events ORDER BY id'], { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((line) => {
    const [id, uid, eid, status, date, time] = line.split(' ');
    return { id: Number(id), uid: Number(uid), key: `${eid} ${status.toUpperCase()}`, at: Date.parse(`${date}T${time}Z`) };
  });
const idOf = new Map(recorded.map((event) => [`${event.uid} ${event.key}`, event.id]));

// A subscriber closed by the churn is owed what was recorded up to 2 s before it left (what was on its way may or
// may not have reached it); one open to the end, everything. One that subscribed without a cursor (its user had no
// event yet) is owed what was recorded from 2 s after it subscribed: before its subscription reached the server,
// nothing was owed to it.
const grace = 2000;
let owed = 0;
let lost = 0;
let doubled = 0;
for (const subscriber of subscribers) {
  const afterId = subscriber.after === null ? 0 : idOf.get(`${subscriber.uid} ${subscriber.after}`) ?? 0;
  for (const event of recorded) {
    if (event.uid !== subscriber.uid || event.id <= afterId) continue;
    if (subscriber.closedAt < end && event.at > subscriber.closedAt - grace) continue;
    if (subscriber.after === null && event.at < subscriber.subscribedAt + grace) continue;
    owed++;
    if (!subscriber.received.has(event.key)) {
      lost++;
      const at = (t) => (t === null ? 'open' : `${((t - started) / 1000).toFixed(1)} s`);
      failures.push(`lost: event ${event.key} of user ${event.uid} (recorded at ${at(event.at)}) by a subscriber opened at ${at(subscriber.openedAt)} after ${subscriber.after ?? 'nothing'}, closed at ${at(subscriber.closedAt)}, which received ${subscriber.received.size} events`);
    }
  }
  for (const count of subscriber.received.values()) doubled += count - 1;
}

const percentile = (values, q) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

console.log(JSON.stringify({
  seconds: Math.round((end - started) / 1000),
  subscribers: config.subscribers,
  subscribersOpened: subscribers.length,
  requests: requestsSent,
  requestsFailed,
  requestsPerSecond: Math.round(requestsSent / ((end - started) / 1000)),
  requestP50: percentile(requestLatencies, 0.5),
  requestP99: percentile(requestLatencies, 0.99),
  experiments: experimentsStarted,
  experimentsDeleted,
  events: recorded.length,
  owed,
  lost,
  doubled,
  eventP50: percentile(latencies, 0.5),
  eventP99: percentile(latencies, 0.99),
  failures: [...new Set(failures.map((failure) => failure.slice(0, 300)))].slice(0, 20),
}));
process.exit(0);
