// Prints graphql-js's introspection query for the given options, and the query we produced, both normalised
// by parse + print so that only the documents (not their layout) are compared.
// stdin: { "options": { ...getIntrospectionQuery options }, "query": "<our query text>" }
// stdout: { "expected": "<graphql-js's document>", "actual": "<our document>" }
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery, parse, print } from 'graphql';

const { options, query } = JSON.parse(readFileSync(0, 'utf8'));
const normalise = (text) => print(parse(text));
process.stdout.write(JSON.stringify({
  expected: normalise(getIntrospectionQuery(options)),
  actual: normalise(query),
}));
