import { validateSDL } from 'graphql/validation/validate.js';
import { parse, buildSchema } from 'graphql';
const doc = process.argv[2];
const ext = process.argv[3];
const errs = validateSDL(parse(doc), ext ? buildSchema(ext) : undefined);
for (const e of errs) console.log(JSON.stringify({message: e.message, locations: e.locations}));
