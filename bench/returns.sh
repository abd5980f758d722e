#!/usr/bin/env bash
# Times the statutory return validators on synthetic returns of three sizes, and prints the figures
# (docs/benchmarks.md): wall time and peak memory of `safeguard validate cin` on the synthetic
# council's Children in Need census (the year ending 31 March 2026), on 50,000 children and on an
# all-England 650,000, made from it by bench/make_cin_census.py. With SAFEGUARD_CIN_REFERENCE (a
# checkout of data-to-insight/csc-validator-be-cin, run with Debian's python3-pandas) it times the
# reference validator on the council and the 50,000-child files too, side by side.
#
#   bench/returns.sh [COUNCIL.db]      (default: the benchmarks' council, build/bench-council-v12.db)
#
# Figures only: nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-${SAFEGUARD_BENCH_DB:-$PWD/build/bench-council-v12.db}}"
work="${SAFEGUARD_BENCH_WORK:-$PWD/build/bench-returns}"
python="${SAFEGUARD_REFERENCE_PYTHON:-/usr/bin/python3}"
mkdir -p "$work"
if [ ! -f "$db" ]; then
  echo "Making a council-scale database (once) ..."
  build/safeguard demo --db "$db" --scale council --seed 1
fi

# The census needs the council's DfE LA number; a database made before it was a setting has none.
if ! build/safeguard settings list --db "$db" 2>/dev/null | grep -q "council.la_number.*[0-9]\{3\}"; then
  build/safeguard settings set --db "$db" --name council.la_number --value 926 >/dev/null
fi
build/safeguard returns cin --db "$db" --year 2026 -o "$work/cin-council.xml" >/dev/null
python3 bench/make_cin_census.py "$work/cin-council.xml" 50000 "$work/cin-50k.xml"
python3 bench/make_cin_census.py "$work/cin-council.xml" 650000 "$work/cin-650k.xml"

# "<seconds> s, <peak MB> MB" of a command, whose own output is dropped.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  # time notes a non-zero exit on a line of its own first.
  read -r seconds kilobytes < <(tail -n 1 "$work/time")
  printf '%s s, %d MB' "$seconds" $((kilobytes / 1024))
}

children() { grep -c "<Child>" "$1"; }

printf '\n%-44s %12s  %s\n' "Children in Need census" "children" "safeguard validate cin"
for size in council 50k 650k; do
  file="$work/cin-$size.xml"
  printf '%-44s %12s  %s\n' "$(basename "$file") ($(du -m "$file" | cut -f1) MB)" "$(children "$file")" \
    "$(measure build/safeguard validate cin "$file")"
done

if [ -n "${SAFEGUARD_CIN_REFERENCE:-}" ]; then
  printf '\n%-44s %12s  %s\n' "Reference (csc-validator-be-cin)" "children" "python"
  for size in council 50k; do
    file="$work/cin-$size.xml"
    printf '%-44s %12s  %s\n' "$(basename "$file")" "$(children "$file")" \
      "$(measure "$python" bench/reference/cin_reference.py --reference "$SAFEGUARD_CIN_REFERENCE" "$file")"
  done
fi
