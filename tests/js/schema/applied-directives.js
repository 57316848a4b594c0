// The directives an SDL applies, as graphql-js reads them from buildSchema(sdl): for each type, field, argument,
// input field and enum value, the directives of its definition and then of its extensions, printed, leaving out those
// graphql-js's printSchema prints from the type system (@deprecated, @specifiedBy, @oneOf).
// stdin: the SDL text; stdout: a JSON object from each coordinate that applies directives to their printed list
import { readFileSync } from 'node:fs';
import { buildSchema, print } from 'graphql';

const modelled = new Set(['deprecated', 'specifiedBy', 'oneOf']);
const applied = {};

function record(coordinate, element) {
  const nodes = [element.astNode, ...(element.extensionASTNodes ?? [])].filter(Boolean);
  const directives = nodes
    .flatMap((node) => node.directives ?? [])
    .filter((directive) => !modelled.has(directive.name.value))
    .map((directive) => print(directive));
  if (directives.length > 0) {
    applied[coordinate] = directives;
  }
}

const schema = buildSchema(readFileSync(0, 'utf8'));
for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith('__')) {
    continue;
  }
  record(type.name, type);
  const fields = type.getFields?.() ?? {};
  for (const field of Object.values(fields)) {
    record(`${type.name}.${field.name}`, field);
    for (const argument of field.args ?? []) {
      record(`${type.name}.${field.name}(${argument.name}:)`, argument);
    }
  }
  for (const value of type.getValues?.() ?? []) {
    record(`${type.name}.${value.name}`, value);
  }
}
for (const directive of schema.getDirectives()) {
  for (const argument of directive.args) {
    record(`@${directive.name}(${argument.name}:)`, argument);
  }
}
process.stdout.write(JSON.stringify(applied));
