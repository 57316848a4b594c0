// For each SDL text, the errors graphql-js's validateSchema finds in buildSchema(sdl).
// stdin: a JSON array of SDL texts
// stdout: a JSON array with, for each text, { errors: [{ message, locations: ["line:column", ...] }] },
//         or { thrown: "<message>" } when buildSchema itself refuses the SDL
import { readFileSync } from 'node:fs';
import { buildSchema, validateSchema } from 'graphql';

const texts = JSON.parse(readFileSync(0, 'utf8'));
const results = texts.map((sdl) => {
  let schema;
  try {
    schema = buildSchema(sdl);
  } catch (error) {
    return { thrown: error.message };
  }
  return {
    errors: validateSchema(schema).map((error) => ({
      message: error.message,
      locations: (error.locations ?? []).map(({ line, column }) => `${line}:${column}`),
    })),
  };
});
process.stdout.write(JSON.stringify(results));
