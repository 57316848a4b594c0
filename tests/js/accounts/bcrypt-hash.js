// Hashes passwords with bcryptjs, a bcrypt independent of the server's BCrypt.Net-Next, as other systems (the original
// IPP's py-bcrypt, PHP) made them. Input (stdin): [{"password": "...", "variant": "2a" | "2b" | "2y", "cost": 4}, ...].
// Output: one hash per line. With "verify": {"password": "...", "hash": "..."} entries, prints true/false instead.
import { readFileSync } from "node:fs";
import bcrypt from "bcryptjs";

const requests = JSON.parse(readFileSync(0, "utf8"));
for (const request of requests) {
  if (request.hash !== undefined) {
    console.log(bcrypt.compareSync(request.password, request.hash));
  } else {
    const salt = bcrypt.genSaltSync(request.cost).replace(/^\$2[aby]\$/, `$${request.variant}$`);
    console.log(bcrypt.hashSync(request.password, salt));
  }
}
