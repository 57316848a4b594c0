// graphql-js's printSchema(buildSchema(sdl)).
// stdin: the SDL text; stdout: the printed schema
import { readFileSync } from 'node:fs';
import { buildSchema, printSchema } from 'graphql';

process.stdout.write(printSchema(buildSchema(readFileSync(0, 'utf8'))));
