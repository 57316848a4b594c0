#!/usr/bin/env bash
# Runs every test in the repository and ends with the line "tests: N passed, N failed".
# The build installs what the tests need (the npm packages of tests/js, graphql-js and the other reference
# implementations: tests/Directory.Build.targets), as it does for `dotnet test` alone.
# The server's tests run on SQLite, then once more on PostgreSQL when IPP_TEST_POSTGRES holds a connection string to
# a server whose user may create databases (tests/postgres/cluster.sh starts a throwaway one; .ci/run does).
set -uo pipefail
cd "$(dirname "$0")"

results=.test-results
rm -rf "$results"
status=0
dotnet build Ipp.sln -c Release --nologo -v quiet || status=$?
if [ "$status" -eq 0 ]; then
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    env -u IPP_TEST_POSTGRES dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=$?
  done
  if [ -n "${IPP_TEST_POSTGRES:-}" ]; then
    dotnet test tests/Ipp.Graph.Tests/Ipp.Graph.Tests.csproj -c Release --no-build --nologo --logger "trx;LogFileName=Ipp.Graph.Tests.PostgreSql.trx" --results-directory "$results" "$@" || status=$?
  fi
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
