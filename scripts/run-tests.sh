#!/usr/bin/env bash
# Everything `make test` runs, in order, stopping at the first failure:
#   1. a Release build and every GoogleTest test (unit, scenario, store conformance on SQLite and on a
#      real PostgreSQL 15 server started on loopback), through ctest;
#   2. the journey scenarios, through the command a council's own analysts would run:
#      `safeguard scenario tests/scenarios/journey/*.txt` (docs/scenarios.md);
#   3. the browser tests: Playwright driving Debian's Chromium against a real server;
#   4. an AddressSanitizer + UndefinedBehaviorSanitizer build and the GoogleTest tests again;
#   5. libFuzzer on the return parsers and validators, briefly (FUZZ_SECONDS each, default 20).
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

step "Fuzzing the return parsers (libFuzzer, ${FUZZ_SECONDS:-20} s each)"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 \
  -DSAFEGUARD_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$jobs"
for target in build-fuzz/*_fuzz; do
  name="$(basename "$target" _fuzz)"
  corpus="$(mktemp -d)"
  # New inputs go to the temporary corpus; the seeds in tests/fuzz/<name> are only read.
  log="$corpus.log"
  if ! "$target" -max_total_time="${FUZZ_SECONDS:-20}" -rss_limit_mb=4096 "$corpus" "tests/fuzz/${name%%_*}" \
    >"$log" 2>&1; then
    cat "$log"
    exit 1
  fi
  tail -n 2 "$log"
  rm -rf "$corpus" "$log"
done

printf '\nEvery test passed.\n'
