// Runs a query with graphql-js against a schema built from SDL and prints the result as JSON.
// stdin: { "sdl": "...", "query": "...", "variables": {...}?, "rootValue": {...}? }
// Abstract types resolve through the "__typename" property of the values (graphql-js's default type resolver).
import { readFileSync } from 'node:fs';
import { buildSchema, graphqlSync } from 'graphql';

const { sdl, query, variables, rootValue } = JSON.parse(readFileSync(0, 'utf8'));
const result = graphqlSync({
  schema: buildSchema(sdl),
  source: query,
  variableValues: variables,
  rootValue,
});
process.stdout.write(JSON.stringify(result));
