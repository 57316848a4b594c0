// The graphql-js 16 peer of the .NET engine benchmarks: the same cases on the same schema, data and documents.
// Prints {"<case>": {"meanUs": n, "ops": n}} as JSON. Usage: NODE_ENV=production node bench/js/bench.mjs [seconds-per-case]
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  execute,
  getIntrospectionQuery,
  graphql,
  parse,
  validate,
} from '../../tests/js/node_modules/graphql/index.mjs';

const shared = new URL('../shared/', import.meta.url);
const read = (name) => readFileSync(new URL(name, shared), 'utf8');
const secondsPerCase = Number(process.argv[2] ?? 3);

const schema = buildSchema(read('schema.graphql'));
const data = JSON.parse(read('data.json'));
const usersById = new Map(data.users.map((user) => [user.id, user]));
const experiments = data.experiments.map((experiment) => ({ ...experiment, owner: () => usersById.get(experiment.ownerId) }));

// Root fields and the one reference that is not a plain property; everything else uses the default resolver.
const rootValue = {
  me: () => usersById.get(data.meId),
  user: ({ id }) => usersById.get(id) ?? null,
  experiments: ({ first }) => experiments.slice(0, first),
  applications: () => data.applications,
};

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

const cases = {
  'parse few-fields': () => parse(documents['few-fields']),
  'parse nested-lists': () => parse(documents['nested-lists']),
  'parse introspection': () => parse(documents.introspection),
  'validate nested-lists': () => validate(schema, parsed['nested-lists']),
  'validate introspection': () => validate(schema, parsed.introspection),
  'execute cached few-fields': () => JSON.stringify(execute({ schema, document: parsed['few-fields'], rootValue })),
  'execute cached many-fields': () => JSON.stringify(execute({ schema, document: parsed['many-fields'], rootValue })),
  'execute cached nested-lists': () => JSON.stringify(execute({ schema, document: parsed['nested-lists'], rootValue })),
  'execute uncached few-fields': async () => JSON.stringify(await graphql({ schema, source: documents['few-fields'], rootValue })),
  'execute uncached many-fields': async () => JSON.stringify(await graphql({ schema, source: documents['many-fields'], rootValue })),
  'execute uncached nested-lists': async () => JSON.stringify(await graphql({ schema, source: documents['nested-lists'], rootValue })),
  'introspection cached': () => JSON.stringify(execute({ schema, document: parsed.introspection })),
};

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
for (const [name, run] of Object.entries(cases)) {
  results[name] = await measure(run);
}
console.log(JSON.stringify(results, null, 2));
