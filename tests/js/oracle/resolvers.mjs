// The oracle's custom resolvers, for graphql-js. Oracle/OracleResolvers.cs implements the same ones for Ipp.Graph;
// every other field resolves by property lookup on the data (graphql-js's default field resolver).

/**
 * The canonical JSON text of a coerced value: object keys sorted by UTF-16 code units, no spaces, numbers as
 * JavaScript prints them. Echo fields return it so both engines' argument coercion can be compared as data.
 */
export function canonical(value) {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return '[' + value.map(canonical).join(',') + ']';
  }
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      const keys = Object.keys(value).sort();
      return '{' + keys.map((key) => JSON.stringify(key) + ':' + canonical(value[key])).join(',') + '}';
    }
    default:
      throw new Error('not an input value: ' + typeof value);
  }
}

const own = (object, key) => (object !== null && typeof object === 'object' && Object.hasOwn(object, key) ? object[key] : null);

// Completes on a later turn of the event loop, like a resolver that awaits I/O.
const later = () => new Promise((resolve) => setImmediate(resolve));

const echo = (_source, args) => canonical(args);

const fail = (_source, _args, _context, info) => {
  throw new Error(`${info.parentType.name}.${info.fieldName} failed`);
};

const failLater = async (_source, _args, _context, info) => {
  await later();
  throw new Error(`${info.parentType.name}.${info.fieldName} failed`);
};

const ownLater = (key) => async (source) => {
  await later();
  return own(source, key);
};

const add = (context, by) => {
  context.counter += by ?? 0;
  return context.counter;
};

/** Resolvers by schema coordinate; `data` is the parsed data.json (also the root value). */
export function createResolvers(data) {
  return {
    'Query.node': (_source, { id }) => own(data.nodesById, id),
    'Query.nodes': (_source, { ids }) => ids.map((id) => own(data.nodesById, id)),
    'Query.sample': (_source, { id }) => own(data.samplesById, id),
    'Query.echo': echo,
    'Query.echoDefaults': echo,
    'Query.echoRequired': echo,
    'Query.echoRequiredList': echo,
    'Query.echoRequiredInput': echo,
    'Query.echoOneOf': echo,
    'Query.fail': fail,
    'Query.failRequired': fail,
    'Query.asyncHello': async () => {
      await later();
      return 'async world';
    },
    'Query.asyncFail': failLater,
    'Query.asyncMissingRequired': async () => {
      await later();
      return null;
    },
    'Mutation.increment': (_source, { by }, context) => add(context, by),
    'Mutation.incrementLater': async (_source, { by }, context) => {
      await later();
      return add(context, by);
    },
    'Mutation.counter': (_source, _args, context) => context.counter,
    'Mutation.failingMutation': fail,
    'Mutation.requiredFailing': fail,
    'Mutation.echo': echo,
    'Mutation.createHuman': (_source, { name }) => ({ __typename: 'Human', id: 'new-' + name, name, pets: [] }),
    'Dog.doesKnowCommand': (_source, { dogCommand }) => dogCommand === 'SIT',
    'Dog.isHouseTrained': (_source, { atOtherHomes }) => atOtherHomes,
    'Sample.broken': fail,
    'Sample.brokenRequired': fail,
    'Sample.asyncValue': ownLater('value'),
    'Sample.asyncRequired': ownLater('required'),
    'Sample.asyncChildren': ownLater('children'),
    'Sample.asyncBroken': failLater,
  };
}
