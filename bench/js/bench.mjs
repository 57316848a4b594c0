// The JavaScript peers of the .NET engine benchmarks: the same cases on the same schema, data and documents, run
// by graphql-js 16 and, for the execution cases, by graphql-jit (which compiles a document to a JavaScript function).
// Prints {"graphql-js": {"<case>": {"meanUs": n, "ops": n}}, "graphql-jit": {…}} as JSON.
// Usage: NODE_ENV=production node bench/js/bench.mjs [seconds-per-case]
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { buildSchema, execute, getIntrospectionQuery, graphql, parse, validate } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

const shared = new URL('../shared/', import.meta.url);
const read = (name) => readFileSync(new URL(name, shared), 'utf8');
const secondsPerCase = Number(process.argv[2] ?? 3);

const schema = buildSchema(read('schema.graphql'));
const data = JSON.parse(read('data.json'));
const usersById = new Map(data.users.map((user) => [user.id, user]));

// Resolvers on the fields that are not plain properties (graphql-jit calls no functions found on the parent, so
// they are set on the schema, which both engines run); everything else uses the default resolver.
const resolvers = {
  Query: {
    me: () => usersById.get(data.meId),
    user: (_parent, { id }) => usersById.get(id) ?? null,
    experiments: (_parent, { first }) => data.experiments.slice(0, first),
    applications: () => data.applications,
  },
  Experiment: {
    owner: (experiment) => usersById.get(experiment.ownerId),
  },
};
for (const [typeName, fields] of Object.entries(resolvers)) {
  const typeFields = schema.getType(typeName).getFields();
  for (const [fieldName, resolve] of Object.entries(fields)) {
    typeFields[fieldName].resolve = resolve;
  }
}

const documents = {
  'few-fields': read('queries/few-fields.graphql'),
  'many-fields': read('queries/many-fields.graphql'),
  'nested-lists': read('queries/nested-lists.graphql'),
  introspection: getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }),
};
const parsed = Object.fromEntries(Object.entries(documents).map(([name, text]) => [name, parse(text)]));

function compile(document, options) {
  const compiled = compileQuery(schema, document, undefined, options);
  if (!isCompiledQuery(compiled)) {
    throw new Error(`graphql-jit cannot compile the document: ${JSON.stringify(compiled)}`);
  }
  return compiled;
}

// Cached: compiled once, here, with graphql-jit's fastest documented setting (a fast-json-stringify serializer made
// for the document): its compilation is paid once, like the engine's plan.
const compiled = Object.fromEntries(Object.entries(parsed).map(([name, document]) => [name, compile(document, { customJSONSerializer: true })]));
const runCompiled = async (name) => compiled[name].stringify(await compiled[name].query(undefined, {}, {}));

// Uncached: what graphql-jit costs for a document it has not seen: parse, validate, compile (default options: the
// custom serializer's compilation would be paid on every run), run.
async function runUncompiled(name) {
  const document = parse(documents[name]);
  const errors = validate(schema, document);
  if (errors.length > 0) {
    throw errors[0];
  }
  const query = compile(document);
  return query.stringify(await query.query(undefined, {}, {}));
}

const cases = {
  'graphql-js': {
    'parse few-fields': () => parse(documents['few-fields']),
    'parse nested-lists': () => parse(documents['nested-lists']),
    'parse introspection': () => parse(documents.introspection),
    'validate nested-lists': () => validate(schema, parsed['nested-lists']),
    'validate introspection': () => validate(schema, parsed.introspection),
    'execute cached few-fields': () => JSON.stringify(execute({ schema, document: parsed['few-fields'] })),
    'execute cached many-fields': () => JSON.stringify(execute({ schema, document: parsed['many-fields'] })),
    'execute cached nested-lists': () => JSON.stringify(execute({ schema, document: parsed['nested-lists'] })),
    'execute uncached few-fields': async () => JSON.stringify(await graphql({ schema, source: documents['few-fields'] })),
    'execute uncached many-fields': async () => JSON.stringify(await graphql({ schema, source: documents['many-fields'] })),
    'execute uncached nested-lists': async () => JSON.stringify(await graphql({ schema, source: documents['nested-lists'] })),
    'introspection cached': () => JSON.stringify(execute({ schema, document: parsed.introspection })),
  },
  // Parsing and validation are graphql-js's own in graphql-jit (it compiles a parsed, validated document): no cases.
  'graphql-jit': {
    'execute cached few-fields': () => runCompiled('few-fields'),
    'execute cached many-fields': () => runCompiled('many-fields'),
    'execute cached nested-lists': () => runCompiled('nested-lists'),
    'execute uncached few-fields': () => runUncompiled('few-fields'),
    'execute uncached many-fields': () => runUncompiled('many-fields'),
    'execute uncached nested-lists': () => runUncompiled('nested-lists'),
    'introspection cached': () => runCompiled('introspection'),
  },
};

// Both engines must give the same response to each case they share, or the comparison is of different work.
for (const [name, run] of Object.entries(cases['graphql-jit'])) {
  const theirs = JSON.parse(await run());
  const reference = JSON.parse(await cases['graphql-js'][name]());
  if (theirs.errors || !isDeepStrictEqual(theirs, reference)) {
    throw new Error(`graphql-jit's response to ${name} differs from graphql-js's`);
  }
}

async function measure(run) {
  const until = (ms) => performance.now() + ms;
  for (const end = until(secondsPerCase * 300); performance.now() < end; ) {
    await run();
  }
  let ops = 0;
  const start = performance.now();
  const end = start + secondsPerCase * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) {
      await run();
    }
    ops += 50;
  }
  return { meanUs: ((performance.now() - start) * 1000) / ops, ops };
}

const results = {};
for (const [engine, engineCases] of Object.entries(cases)) {
  results[engine] = {};
  for (const [name, run] of Object.entries(engineCases)) {
    results[engine][name] = await measure(run);
  }
}
console.log(JSON.stringify(results, null, 2));
