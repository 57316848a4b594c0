// Runs the oracle corpus on graphql-js (the reference implementation) and prints one JSON document:
//   { "version", "specifiedRules": [rule names], "cases": { name: { "result": {errors?, data?}, "rules": [rule names] } } }
// "rules" names each specified validation rule that reports an error for the case's document on its own.
// Usage: node oracle/run.mjs [oracle folder]   (default: ../Ipp.Graph.Engine.Tests/Oracle, relative to tests/js)
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, graphql, parse, specifiedRules, validate, version } from 'graphql';
import { createResolvers } from './resolvers.mjs';

const folder = resolve(process.argv[2] ?? '../Ipp.Graph.Engine.Tests/Oracle');
const schema = buildSchema(readFileSync(join(folder, 'schema.graphql'), 'utf8'));
const data = JSON.parse(readFileSync(join(folder, 'data.json'), 'utf8'));

for (const [coordinate, resolve] of Object.entries(createResolvers(data))) {
  const [typeName, fieldName] = coordinate.split('.');
  const field = schema.getType(typeName)?.getFields()[fieldName];
  if (!field) {
    throw new Error('no field ' + coordinate);
  }
  field.resolve = resolve;
}

function loadCases() {
  const cases = [];
  const files = readdirSync(join(folder, 'corpus')).filter((file) => file.endsWith('.json')).sort();
  for (const file of files) {
    cases.push(...JSON.parse(readFileSync(join(folder, 'corpus', file), 'utf8')));
  }
  return cases;
}

function rulesReporting(query) {
  let document;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  return specifiedRules.filter((rule) => validate(schema, document, [rule]).length > 0).map((rule) => rule.name);
}

function plain(result) {
  const output = {};
  if (result.errors) {
    output.errors = result.errors.map((error) => {
      const entry = { message: error.message };
      if (error.locations) {
        entry.locations = error.locations;
      }
      if (error.path) {
        entry.path = error.path;
      }
      return entry;
    });
  }
  if ('data' in result) {
    output.data = result.data;
  }
  return output;
}

const cases = {};
for (const testCase of loadCases()) {
  const result = await graphql({
    schema,
    source: testCase.query,
    rootValue: data,
    contextValue: { counter: 0 },
    variableValues: testCase.variables,
    operationName: testCase.operationName,
  });
  cases[testCase.name] = { result: plain(result), rules: rulesReporting(testCase.query) };
}

process.stdout.write(JSON.stringify({ version, specifiedRules: specifiedRules.map((rule) => rule.name), cases }));
