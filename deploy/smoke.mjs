// The smoke check of deploy/two-instances.sh, through nginx with the npm clients people use (from tests/js): signs up,
// subscribes to experimentStatusChanged over a WebSocket (graphql-ws) and over Server-Sent Events (graphql-sse),
// creates a draft and submits it, moves its folder from submitted/ to completed/ as the backend does, and checks that
// each subscriber received the draft's EDITING, then SUBMITTED and COMPLETED, once each, whichever instance served
// what. Then a file goes up as a multipart upload and comes back through its downloadUrl.
// Every request names its step in an X-Smoke-Step header, which nginx's log shows beside the instance it chose.
//
// The WebSocket signs in with the session cookie from the sign-up and the site's own Origin, as a browser on the
// site does: the instance keeps that caller only when it believed nginx's X-Forwarded-Proto and -Host (its own
// origin is then https://<site>), so a working subscription proves those are passed and trusted. The cookie must be
// Secure, which proves X-Forwarded-Proto alone.
//
// Usage: node deploy/smoke.mjs <https url of /graphql> <uploads root> <result file>
// Trusts the site's certificate through NODE_EXTRA_CA_CERTS. Prints what it checks; writes {"ok", "experiment",
// "problems"} to the result file; exits 0 when every check passed.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(new URL('../tests/js/package.json', import.meta.url));
const { createClient: createWsClient } = require('graphql-ws');
const { createClient: createSseClient } = require('graphql-sse');
const WebSocket = require('ws');

const [url, uploads, resultFile] = process.argv.slice(2);
if (!url || !uploads || !resultFile) {
  console.error('usage: node deploy/smoke.mjs <https url of /graphql> <uploads root> <result file>');
  process.exit(2);
}
const origin = new URL(url).origin;
const problems = [];

function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) problems.push(what);
  return condition;
}

function finish(experiment) {
  writeFileSync(resultFile, JSON.stringify({ ok: problems.length === 0, experiment, problems }));
  process.exit(problems.length === 0 ? 0 : 1);
}

/** A GraphQL request over HTTP through nginx; the response's data, or a failed run. */
async function post(step, query, variables, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      'x-smoke-step': step,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) {
    check(false, `${step}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
    finish(null);
  }
  return { data: body.data, response };
}

function keyOf(globalId) {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1];
}

// Sign up.
const signUp = await post('sign-up', `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { token user { id } errors { __typename ... on Error { code message } } }
}`, { input: { email: 'smoke@example.org', password: 'correct horse battery staple' } });
const { token, user, errors } = signUp.data.createUser;
if (!check(token && !errors?.length, `sign-up through nginx ${errors?.length ? JSON.stringify(errors) : ''}`)) finish(null);
const cookie = signUp.response.headers.getSetCookie().find((line) => line.startsWith('ipp_session='));
check(cookie && /;\s*secure/i.test(cookie), 'the session cookie is Secure: the instance believed X-Forwarded-Proto https');
const uid = keyOf(user.id);

// Two subscribers, each collecting every status change of the user's experiments.
const query = `subscription { experimentStatusChanged { cursor experimentId status previousStatus } }`;
const subscribers = {
  websocket: { events: [], error: null },
  sse: { events: [], error: null },
};

/** What ended a subscription: an Error, a WebSocket's close (code, reason) or error event, or GraphQL errors. */
function describe(e) {
  if (e instanceof Error) return e.message;
  if (typeof e?.code === 'number') return `closed ${e.code} ${e.reason}`;
  return e?.message ?? e?.error?.message ?? e?.type ?? JSON.stringify(e);
}

/** The ws WebSocket with the upgrade request's headers of a browser on the site, its cookie included. */
class SiteWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols, { headers: { origin, cookie: cookie.split(';')[0], 'x-smoke-step': 'websocket' } });
  }
}

const clients = {
  websocket: createWsClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: SiteWebSocket, retryAttempts: 0, lazy: false }),
  sse: createSseClient({ url, headers: { authorization: `Bearer ${token}`, 'x-smoke-step': 'sse' }, retryAttempts: 0 }),
};
for (const [name, client] of Object.entries(clients)) {
  const subscriber = subscribers[name];
  client.subscribe({ query }, {
    next: (value) => {
      if (value.errors) subscriber.error = value.errors;
      else subscriber.events.push(value.data.experimentStatusChanged);
    },
    error: (e) => { subscriber.error = describe(e); },
    complete: () => { subscriber.error ??= 'completed early'; },
  });
}

const dataRequest = (name, draft) => ({
  input: { application: 'data-request', name, parameters: { institution: 'Smoke test', purpose: 'research' }, draft },
});
const create = `mutation ($input: CreateExperimentInput!) {
  createExperiment(input: $input) { experiment { id status } errors { __typename ... on Error { code message } } }
}`;

async function createExperiment(step, name, draft) {
  const { experiment, errors } = (await post(step, create, dataRequest(name, draft), token)).data.createExperiment;
  if (!check(experiment && !errors?.length, `${step}: ${experiment ? experiment.status : JSON.stringify(errors)}`)) finish(null);
  return experiment.id;
}

async function waitFor(condition, seconds) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(50)) {
    if (condition()) return true;
  }
  return condition();
}

// Until both subscriptions are live: each submitted experiment announces a change; both must have one.
const live = () => Object.values(subscribers).every((s) => s.events.length > 0 || s.error);
for (let attempt = 1; attempt <= 10 && !live(); attempt++) {
  await createExperiment('warm-up', `Warm-up ${attempt}`, false);
  await waitFor(live, 1);
}
for (const [name, subscriber] of Object.entries(subscribers)) {
  check(!subscriber.error, `the ${name} subscriber through nginx is signed in and live ${subscriber.error ? JSON.stringify(subscriber.error) : ''}`);
}
if (problems.length > 0) finish(null);

// The experiment: a draft, submitted, then finished by the "backend".
const experiment = await createExperiment('create', 'Smoke', true);
const submitted = (await post('submit', `mutation ($id: ID!) {
  submitExperiment(input: { id: $id }) { experiment { status } errors { __typename ... on Error { code message } } }
}`, { id: experiment }, token)).data.submitExperiment;
check(submitted.experiment?.status === 'SUBMITTED', `submit: ${JSON.stringify(submitted)}`);
const eid = keyOf(experiment);
const folder = join(uploads, uid, 'submitted', eid);
if (!check(await waitFor(() => existsSync(folder), 10), `the experiment's folder is in submitted/ (${folder})`)) finish(eid);
mkdirSync(join(uploads, uid, 'completed'), { recursive: true });
renameSync(folder, join(uploads, uid, 'completed', eid));
console.log(`     moved ${folder} to completed/`);

const ofExperiment = (subscriber) => subscriber.events.filter((e) => e.experimentId === experiment);
const completed = () => Object.values(subscribers).every((s) => ofExperiment(s).some((e) => e.status === 'COMPLETED') || s.error);
await waitFor(completed, 20);
await sleep(1000); // Time for a second copy of an announcement to arrive, were one sent.
for (const [name, subscriber] of Object.entries(subscribers)) {
  const seen = ofExperiment(subscriber).map((e) => `${e.previousStatus}->${e.status}`);
  check(!subscriber.error && seen.join(' ') === 'null->EDITING EDITING->SUBMITTED SUBMITTED->COMPLETED',
    `the ${name} subscriber received the draft, SUBMITTED and COMPLETED once each: ${seen.join(', ') || 'nothing'}${subscriber.error ? ` (${JSON.stringify(subscriber.error)})` : ''}`);
}

// A file larger than nginx's default body limit (1 MiB) goes up as a GraphQL multipart request and comes back through
// the absolute downloadUrl that Server:PublicBaseUrl gives, byte for byte.
const file = randomBytes(3 * 1024 * 1024);
const form = new FormData();
form.append('operations', JSON.stringify({
  query: `mutation ($input: CreateExperimentInput!) {
    createExperiment(input: $input) { experiment { inputs { size downloadUrl } } errors { __typename ... on Error { code message } } }
  }`,
  variables: { input: { application: 'image-statistics', name: 'Upload', files: [{ parameter: 'images', file: null }] } },
}));
form.append('map', JSON.stringify({ 0: ['variables.input.files.0.file'] }));
form.append('0', new Blob([file]), 'scan.png');
const uploaded = await fetch(url, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'graphql-preflight': '1', 'x-smoke-step': 'upload' },
  body: form,
});
const upload = (await uploaded.json().catch(() => null))?.data?.createExperiment;
const input = upload?.experiment?.inputs[0];
check(uploaded.ok && input?.size === file.length, `upload of ${file.length} bytes through nginx: HTTP ${uploaded.status} ${JSON.stringify(upload)}`);
if (input) {
  check(input.downloadUrl.startsWith(`${origin}/experiments/`), `its downloadUrl is the site's: ${input.downloadUrl}`);
  const download = await fetch(input.downloadUrl, { headers: { authorization: `Bearer ${token}`, 'x-smoke-step': 'download' } });
  const body = Buffer.from(await download.arrayBuffer());
  check(download.ok && body.equals(file), `download through nginx: HTTP ${download.status}, ${body.length} bytes, ${body.equals(file) ? 'the same' : 'not the same'}`);
}

await clients.websocket.dispose();
clients.sse.dispose();
finish(eid);
