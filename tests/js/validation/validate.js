// The errors graphql-js's validate (or validateSDL) finds in each document.
// stdin: JSON { schema: "<SDL>" | null, sdl: boolean, documents: ["<document>", ...] }
//   sdl false: validate(buildSchema(schema), parse(document)) with the specified rules;
//   sdl true: validateSDL(parse(document), schema ? buildSchema(schema) : undefined).
// stdout: a JSON array with, for each document, { errors: ["message @ line:column, ...", ...] },
//         or { thrown: "<message>" } when graphql-js throws instead of returning errors.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { validateSDL } from 'graphql/validation/validate.js';

const input = JSON.parse(readFileSync(0, 'utf8'));
const schema = input.schema ? buildSchema(input.schema) : undefined;
const describe = (error) =>
  error.message + (error.locations ? ' @ ' + error.locations.map(({ line, column }) => `${line}:${column}`).join(', ') : '');
const results = input.documents.map((text) => {
  try {
    const document = parse(text);
    const errors = input.sdl ? validateSDL(document, schema) : validate(schema, document);
    return { errors: errors.map(describe) };
  } catch (error) {
    return { thrown: error.message };
  }
});
process.stdout.write(JSON.stringify(results));
