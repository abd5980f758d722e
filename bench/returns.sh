#!/usr/bin/env bash
# Times the statutory return validators on synthetic returns of three sizes, and prints the figures
# (docs/benchmarks.md): wall time and peak memory of `safeguard validate cin` on the synthetic
# council's Children in Need census (the year ending 31 March 2026), on 50,000 children and on an
# all-England 650,000, made from it by bench/make_cin_census.py; and of `safeguard validate 903`
# on the council's SSDA903 return for the same year (with last year's, and the synthetic postcode
# directory) and on 50,000 children, made by bench/make_ssda903_return.py. With
# SAFEGUARD_CIN_REFERENCE and SAFEGUARD_903_REFERENCE (copies of data-to-insight/csc-validator-be-cin
# and -903, run with Debian's python3-pandas) it times the reference validators on the council's and
# the 50,000-child returns too, side by side. Safeguard's figures are the middle of three runs; the
# reference's, of a minute or more, are of one.
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

# The same of the middle one of three runs by time: a run of under a second varies by a fifth with
# whatever else the machine is doing.
measure_middle() {
  local runs=()
  for _ in 1 2 3; do runs+=("$(measure "$@")"); done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | tr -d '\n'
}

children() { grep -c "<Child>" "$1"; }

printf '\n%-44s %12s  %s\n' "Children in Need census" "children" "safeguard validate cin"
for size in council 50k 650k; do
  file="$work/cin-$size.xml"
  printf '%-44s %12s  %s\n' "$(basename "$file") ($(du -m "$file" | cut -f1) MB)" "$(children "$file")" \
    "$(measure_middle build/safeguard validate cin "$file")"
done

if [ -n "${SAFEGUARD_CIN_REFERENCE:-}" ]; then
  printf '\n%-44s %12s  %s\n' "Reference (csc-validator-be-cin)" "children" "python"
  for size in council 50k; do
    file="$work/cin-$size.xml"
    printf '%-44s %12s  %s\n' "$(basename "$file")" "$(children "$file")" \
      "$(measure "$python" bench/reference/cin_reference.py --reference "$SAFEGUARD_CIN_REFERENCE" "$file")"
  done
fi

build/safeguard returns 903 --db "$db" --year 2026 -o "$work/903-council" --previous >/dev/null
build/safeguard postcodes synthetic "$work/903-council" "$work/903-council/previous" -o "$work/903-postcodes.csv" \
  >/dev/null
rm -rf "$work/903-50k"
python3 bench/make_ssda903_return.py "$work/903-council" 50000 "$work/903-50k"

lines() { echo $(($(wc -l <"$1") - 1)); }
printf '\n%-44s %12s  %s\n' "SSDA903 return (with last year's)" "children" "safeguard validate 903"
for size in council 50k; do
  dir="$work/903-$size"
  printf '%-44s %12s  %s\n' "903-$size ($(du -sm "$dir" | cut -f1) MB)" "$(lines "$dir/Header.csv")" \
    "$(measure_middle build/safeguard validate 903 "$dir" --year 2026 --previous "$dir/previous" --la E10000020 \
      --postcodes "$work/903-postcodes.csv")"
done

if [ -n "${SAFEGUARD_903_REFERENCE:-}" ]; then
  printf '\n%-44s %12s  %s\n' "Reference (csc-validator-be-903)" "children" "python"
  for size in council 50k; do
    dir="$work/903-$size"
    printf '%-44s %12s  %s\n' "903-$size" "$(lines "$dir/Header.csv")" \
      "$(measure "$python" bench/reference/ssda903_reference.py --reference "$SAFEGUARD_903_REFERENCE" --year 2026 \
        --la E10000020 --prev "$dir/previous" --postcodes "$work/903-postcodes.csv" "$dir")"
  done
fi
