// graphql-js peer of bench/http/run.sh: graphql-http's createHandler on node:http (no document cache: every request
// is parsed and validated, graphql-http's default). Usage: node graphql-http.mjs <database file> <port>
import { createServer } from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { openService, readArguments } from './service.mjs';

const { databaseFile, port } = readArguments();
const { schema, callerOf } = await openService(databaseFile);
const handler = createHandler({ schema, context: (req) => ({ caller: callerOf(req.headers.authorization) }) });

const server = createServer((req, res) => {
  if (req.url === '/graphql' || req.url.startsWith('/graphql?')) {
    handler(req, res);
  } else {
    res.writeHead(404).end();
  }
});
server.listen(port, '127.0.0.1', () => console.log('listening'));
