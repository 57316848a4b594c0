// End to end with graphql-ws's own client: signs a user in over HTTP, subscribes to sessionEnded over a WebSocket
// (graphql-transport-ws, the token in connection_init), signs the user in again, and prints what the subscription
// delivered as one JSON line: {"events": [...], "completed": true|false, "error": ... }.
// Usage: node ws/session-ended.mjs <http url of /graphql> <email> <password>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, email, password] = process.argv.slice(2);
if (!url || !email || !password) {
  console.error('usage: node ws/session-ended.mjs <http url of /graphql> <email> <password>');
  process.exit(2);
}

async function signIn() {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({
      query: 'mutation ($email: String!, $password: String!) { authenticate(input: {email: $email, password: $password}) { token } }',
      variables: { email, password },
    }),
  });
  const body = await response.json();
  if (!body.data) throw new Error('sign-in failed: ' + JSON.stringify(body));
  return body.data.authenticate.token;
}

const token = await signIn();
const client = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  retryAttempts: 0,
});

const events = [];
let error = null;
const ended = new Promise((resolve) => {
  client.subscribe(
    { query: 'subscription { sessionEnded { reason endedAt } }' },
    {
      next: (value) => events.push(value),
      error: (e) => {
        error = e instanceof Error ? e.message : e;
        resolve(false);
      },
      complete: () => resolve(true),
    },
  );
});

// Operations on one connection are handled in order: once this query's answer is back, the subscription above was
// started (and its session checked), so the sign-in below ends a session it watches.
await new Promise((resolve, reject) => {
  client.subscribe({ query: '{ me { email } }' }, { next: () => {}, error: reject, complete: resolve });
});
await signIn();

const timeout = setTimeout(() => {
  error = 'no completion within 20 s';
  client.dispose();
}, 20_000);
const completed = await Promise.race([ended, new Promise((resolve) => client.on('closed', () => resolve(false)))]);
clearTimeout(timeout);
await client.dispose();
console.log(JSON.stringify({ events, completed, error }));
