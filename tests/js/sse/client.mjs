// End to end with graphql-sse's own client (distinct connections mode): runs each operation read from standard input
// (a JSON array of {"query", "variables"?}) one after the other against the server, with the token given as a Bearer
// Authorization header, and prints one JSON line per operation: {"results": [...], "error"}.
// Usage: node sse/client.mjs <http url of /graphql> <token>
import { createClient } from 'graphql-sse';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node sse/client.mjs <http url of /graphql> <token>  (operations as JSON on stdin)');
  process.exit(2);
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const operations = JSON.parse(input);

const client = createClient({ url, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });

for (const operation of operations) {
  const outcome = await new Promise((resolve) => {
    const results = [];
    client.subscribe(operation, {
      next: (value) => results.push(value),
      error: (error) => resolve({ results, error: error instanceof Error ? error.message : error }),
      complete: () => resolve({ results, error: null }),
    });
  });
  console.log(JSON.stringify(outcome));
}

client.dispose();
