#!/usr/bin/env bash
# Everything `make test` runs, in order, stopping at the first failure:
#   1. a Release build and every GoogleTest test (unit, scenario, store conformance on SQLite and on a
#      real PostgreSQL 15 server started on loopback), through ctest;
#   2. the journey scenarios, through the command a council's own analysts would run:
#      `safeguard scenario tests/scenarios/journey/*.txt` (docs/scenarios.md);
#   3. the browser tests: Playwright driving Debian's Chromium against a real server;
#   4. an AddressSanitizer + UndefinedBehaviorSanitizer build and the GoogleTest tests again.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JOBS:-2}"

step() { printf '\n== %s\n' "$*"; }

step "Release build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"

step "Sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAFEGUARD_SANITIZE=ON -DSAFEGUARD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j"$jobs" --target safeguard_tests safeguard

export SAFEGUARD_REQUIRE_POSTGRES=1
scripts/with-postgres.sh -- bash -c '
  set -euo pipefail
  printf "\n== Unit, scenario and storage conformance tests (SQLite and PostgreSQL)\n"
  ctest --test-dir build -j'"$jobs"' --output-on-failure --timeout 300
  printf "\n== The same tests under AddressSanitizer and UndefinedBehaviorSanitizer\n"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -j'"$jobs"' --output-on-failure --timeout 600
'

step "Journey scenarios"
build/safeguard scenario tests/scenarios/journey/*.txt

step "Browser tests (Playwright, Debian Chromium)"
SAFEGUARD_BINARY="$PWD/build/safeguard" node --test --test-concurrency=1 tests/e2e/

printf '\nEvery test passed.\n'
