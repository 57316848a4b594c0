// Writes the bodies bench/http/run.sh sends and the exact responses expected, from createUser's answer.
// Usage: node make-queries.mjs <signup response file> <folder>
//   token: the session token; me.json, nodes50.json: the request bodies; *.expected: the responses, byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [signupFile, folder] = process.argv.slice(2);
const signup = JSON.parse(readFileSync(signupFile, 'utf8'));
if (signup.errors || !signup.data?.createUser) {
  console.error(`createUser failed: ${JSON.stringify(signup)}`);
  process.exit(1);
}
const { token, user } = signup.data.createUser;
const fields = 'id email roles createdAt';

// A user sees only themself through node(id:), so the 50 objects are the caller, fetched 50 times by id.
const aliases = Array.from({ length: 50 }, (_, i) => `u${i}`);
const nodes = aliases.map((alias) => `${alias}: node(id: "${user.id}") { ... on User { ${fields} } }`);

const write = (name, query, data) => {
  writeFileSync(join(folder, `${name}.json`), JSON.stringify({ query }));
  writeFileSync(join(folder, `${name}.expected`), JSON.stringify({ data }));
};
writeFileSync(join(folder, 'token'), token);
write('me', `{ me { ${fields} } }`, { me: user });
write('nodes50', `{ ${nodes.join(' ')} }`, Object.fromEntries(aliases.map((alias) => [alias, user])));
