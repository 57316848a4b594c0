// Apollo Server peer of bench/http/run.sh: @apollo/server 5 with its standalone Node HTTP server and its defaults
// (documents parsed and validated once, in its in-memory document store). Its default result writer adds a line
// break after the JSON; `stringifyResult` writes the JSON alone, so its answers are byte for byte the others'.
// Usage: node apollo.mjs <database file> <port>
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { openService, readArguments } from './service.mjs';

const { databaseFile, port } = readArguments();
const { schema, callerOf } = await openService(databaseFile);

const server = new ApolloServer({ schema, stringifyResult: (result) => JSON.stringify(result) });
await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: async ({ req }) => ({ caller: callerOf(req.headers.authorization) }),
});
console.log('listening');
