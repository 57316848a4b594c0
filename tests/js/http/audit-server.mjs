// Runs graphql-http's GraphQL-over-HTTP audits against the server at the URL given as the first argument and
// prints every audit's outcome as JSON lines: {"id","name","status","reason"} (status ok, warn, notice or error).
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node http/audit-server.mjs <url of /graphql>');
  process.exit(2);
}

const results = await auditServer({ url });
for (const { id, name, status, reason } of results) {
  console.log(JSON.stringify({ id, name, status, reason: reason ?? null }));
}
