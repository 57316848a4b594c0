// Mercurius peer of bench/http/run.sh: mercurius on fastify, with its document cache (parsed and validated documents,
// 1,024 by default) and graphql-jit: `jit: 1` compiles a document to a JavaScript function on its second request, and
// later requests run the compiled query. Usage: node mercurius.mjs <database file> <port>
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { openService, readArguments } from './service.mjs';

const { databaseFile, port } = readArguments();
const { schema, callerOf } = await openService(databaseFile);

const app = Fastify();
app.register(mercurius, {
  schema,
  jit: 1,
  context: (request) => ({ caller: callerOf(request.headers.authorization) }),
});
await app.listen({ port, host: '127.0.0.1' });
console.log('listening');
