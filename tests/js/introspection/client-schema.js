// Rebuilds a schema with buildClientSchema from our introspection response, and prints it beside two references:
// the schema the SDL defines, and the schema rebuilt from graphql-js's own response to the same query.
// stdin: { "sdl": "...", "query": "<introspection query>", "introspection": { "__schema": ... } }
// stdout: { "fromSdl": "...", "fromGraphQLJs": "...", "fromOurs": "..." } (each printed with printSchema)
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, graphqlSync, printSchema } from 'graphql';

const { sdl, query, introspection } = JSON.parse(readFileSync(0, 'utf8'));
const schema = buildSchema(sdl);
const theirs = graphqlSync({ schema, source: query });
if (theirs.errors) {
  throw new Error(JSON.stringify(theirs.errors));
}

process.stdout.write(JSON.stringify({
  fromSdl: printSchema(schema),
  fromGraphQLJs: printSchema(buildClientSchema(theirs.data)),
  fromOurs: printSchema(buildClientSchema(introspection)),
}));
