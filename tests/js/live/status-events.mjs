// Subscribes to experimentStatusChanged with the npm clients people use — graphql-ws's createClient over a WebSocket
// (graphql-transport-ws, the token in connection_init) or graphql-sse's createClient over Server-Sent Events (the
// token as a Bearer header) — and collects the events until one announces <status> for the experiment <until>
// (its global id), or the subscription ends or fails. Prints one JSON line: {"events": [...], "error": ...}.
// Usage: node live/status-events.mjs <ws|sse> <http url of /graphql> <token> <until experiment id|-> <status|->
//        [id|-] [after|-]
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const [transport, url, token, until, untilStatus, id, after] = process.argv.slice(2);
if (!['ws', 'sse'].includes(transport) || !url || !token || !until || !untilStatus) {
  console.error('usage: node live/status-events.mjs <ws|sse> <url> <token> <until experiment id|-> <status|-> [id|-] [after|-]');
  process.exit(2);
}

const client = transport === 'ws'
  ? createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  })
  : createSseClient({ url, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });

const query = `subscription ($id: ID, $after: String) {
  experimentStatusChanged(id: $id, after: $after) {
    cursor experimentId status previousStatus changedAt reason experiment { id status }
  }
}`;
const variables = { id: id && id !== '-' ? id : null, after: after && after !== '-' ? after : null };

const events = [];
let error = null;
let unsubscribe = () => {};
await new Promise((resolve) => {
  const timeout = setTimeout(() => {
    error = 'no final event within 20 s';
    resolve();
  }, 20_000);
  const finish = () => {
    clearTimeout(timeout);
    resolve();
  };
  unsubscribe = client.subscribe({ query, variables }, {
    next: (value) => {
      events.push(value);
      const change = value.data?.experimentStatusChanged;
      if (value.errors || (change && change.experimentId === until && change.status === untilStatus)) finish();
    },
    error: (e) => {
      error = e instanceof Error ? e.message : Array.isArray(e) ? e : String(e?.reason ?? e);
      finish();
    },
    complete: finish,
  });
});
unsubscribe();
await client.dispose();
console.log(JSON.stringify({ events, error }));
