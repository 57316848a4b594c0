// Writes bench/shared/data.json: the deterministic data set both benchmark peers load.
// Run it again only when the data's shape changes; the output is committed so both sides read the same bytes.
import { writeFileSync } from 'node:fs';

const roles = ['ADMIN', 'DATA_ENGINEER', 'AI_RESEARCHER', 'MAINTAINER', 'RESEARCHER'];
const statuses = ['EDITING', 'SUBMITTED', 'RUNNING', 'COMPLETED', 'FAILED'];

const applications = Array.from({ length: 5 }, (_, a) => ({
  key: `app${a}`,
  label: `Application ${a}`,
  description: a % 2 === 0 ? `Runs pipeline ${a} on the cluster.` : null,
  fields: Array.from({ length: 6 }, (_, f) => ({
    name: `field${f}`,
    type: ['string', 'integer', 'float', 'select', 'attachment', 'string'][f],
    required: f % 2 === 0,
    default: f % 3 === 0 ? null : `${f}`,
  })),
}));

const users = Array.from({ length: 10 }, (_, u) => ({
  id: `u${u}`,
  email: `user${u}@example.org`,
  name: `User ${u}`,
  institution: u % 2 === 0 ? 'University of Pennsylvania' : null,
  roles: [roles[4], ...(u === 0 ? [roles[0]] : [])],
  experimentCount: 10,
}));

const experiments = Array.from({ length: 100 }, (_, e) => ({
  id: `e${e}`,
  name: `Experiment ${e}`,
  description: e % 3 === 0 ? null : `Description of experiment ${e}`,
  application: applications[e % 5].key,
  status: statuses[e % 5],
  createdAt: new Date(Date.UTC(2026, 0, 1, e % 24, e % 60, 0)).toISOString(),
  ownerId: users[e % 10].id,
  parameters: Array.from({ length: 5 }, (_, p) => ({ name: `p${p}`, value: p === 4 ? null : `${e * p}` })),
  files: Array.from({ length: 10 }, (_, f) => ({
    name: `input-${f}.nii.gz`,
    size: 1000 * (e + 1) + f,
    contentType: f % 4 === 0 ? null : 'application/gzip',
  })),
}));

const path = new URL('./data.json', import.meta.url);
writeFileSync(path, JSON.stringify({ meId: 'u0', users, experiments, applications }, null, 1) + '\n');
