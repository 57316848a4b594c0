#!/usr/bin/env python3
"""A pilot job as a cluster runs one, built on the stock PiCaS client (tests/peers/picas), for the tests.

It does what the client's own pilot (examples/local_example.py) does: claims tokens with TaskViewIterator on the
Monitor design document's `todo` view, runs each token's `input` as the job (`bash -c "$INPUT"`, as the example's
process_task.sh does), then records `exit_code` and `done` (BasicTokenModifier.close) and attaches the job's
standard output and error as `logs_<id>.out` and `logs_<id>.err`; RunActor saves the token.

Options let a test drive every outcome:
  --job-exit-code N   the stand-in container runtime (stand-ins/apptainer) exits with N;
  --crash-midway      the pilot is killed (SIGTERM to itself) while the job runs: RunActor's handler stops the job
                      and marks the token as crashed, lock and done -1 (its token_reset_values), as a pilot does when
                      the scheduler kills it;
  --records DIR       stand-ins/ comes first on the job's PATH, so `apptainer` is the stand-in that writes what it was given
                      (arguments and IPP_* environment) to DIR/<IPP_TOKEN_ID>.json.
It prints one line per token it finished: `finished <id> <exit code>`.
"""

import argparse
import os
import signal
import subprocess
import sys

from picas.actors import RunActor
from picas.clients import CouchDB
from picas.modifiers import BasicTokenModifier

STAND_IN_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stand-ins")

# Marks a token whose pilot was killed, as a pilot started with RunActor(token_reset_values=[-1, -1]) does.
CRASHED = [-1, -1]


class PilotActor(RunActor):
    """Runs each claimed token's input as a shell command line and records its outcome."""

    def __init__(self, db, job_environment, crash_midway):
        super().__init__(db, view="todo", design_doc="Monitor", token_reset_values=CRASHED if crash_midway else [0, 0])
        self.modifier = BasicTokenModifier()
        self.job_environment = job_environment
        self.crash_midway = crash_midway

    def process_task(self, token):
        job = subprocess.Popen(["bash", "-c", token["input"]], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=self.job_environment)
        self.subprocess = job
        if self.crash_midway:
            os.kill(os.getpid(), signal.SIGTERM)
        stdout, stderr = job.communicate()
        token["exit_code"] = job.returncode
        self.modifier.close(token)
        token.put_attachment(f"logs_{token['_id']}.out", stdout)
        token.put_attachment(f"logs_{token['_id']}.err", stderr)
        print(f"finished {token['_id']} {job.returncode}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--username")
    parser.add_argument("--password", default="")
    parser.add_argument("--max-tasks", type=int, default=0, help="stop after this many tokens (0: until none is left)")
    parser.add_argument("--job-exit-code", type=int, default=0)
    parser.add_argument("--crash-midway", action="store_true")
    parser.add_argument("--records")
    args = parser.parse_args()

    job_environment = dict(os.environ, PILOT_JOB_EXIT_CODE=str(args.job_exit_code))
    if args.records:
        job_environment["PILOT_RECORDS"] = args.records
        job_environment["PATH"] = STAND_IN_FOLDER + os.pathsep + job_environment.get("PATH", "")

    db = CouchDB(url=args.url, db=args.database, username=args.username, password=args.password)
    actor = PilotActor(db, job_environment, args.crash_midway)
    actor.run(max_token_time=600, max_tasks=args.max_tasks or None)


if __name__ == "__main__":
    sys.exit(main())
