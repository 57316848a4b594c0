// End to end with subscriptions-transport-ws's client (older Apollo clients, the legacy graphql-ws subprotocol):
// connects with the token given, runs each operation read from standard input (a JSON array of
// {"query", "variables"?}) one after the other, and prints one JSON line per operation: {"results": [...], "error"}.
// Usage: node ws/legacy-client.mjs <ws url of /graphql> <token>
import subscriptions from 'subscriptions-transport-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node ws/legacy-client.mjs <ws url of /graphql> <token>  (operations as JSON on stdin)');
  process.exit(2);
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const operations = JSON.parse(input);

const client = new subscriptions.SubscriptionClient(
  url,
  { connectionParams: { authorization: `Bearer ${token}` }, reconnect: false, timeout: 20_000 },
  WebSocket,
);

for (const operation of operations) {
  const outcome = await new Promise((resolve) => {
    const results = [];
    client.request(operation).subscribe({
      next: (value) => results.push(value),
      error: (error) => resolve({ results, error: error instanceof Error ? error.message : error }),
      complete: () => resolve({ results, error: null }),
    });
  });
  console.log(JSON.stringify(outcome));
}

client.close();
