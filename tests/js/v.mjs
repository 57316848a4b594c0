import { validate, buildSchema, parse } from 'graphql';
const sdl = process.argv[2], doc = process.argv[3];
try {
const errs = validate(buildSchema(sdl), parse(doc));
for (const e of errs) console.log(JSON.stringify({message: e.message, locations: e.locations}));
} catch (e) { console.log('THROWN', e.message); }
