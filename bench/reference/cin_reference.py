#!/usr/bin/env python3
"""Runs the reference CIN census validator (data-to-insight/csc-validator-be-cin, not part of
Safeguard: give its checked-out directory) over one file and prints its findings in Safeguard's
finding columns, one line per (rule, child, table, row), sorted:

    bench/reference/cin_reference.py --reference DIR FILE.xml [--ruleset cin2025_26]

Used by the agreement test (tests/agreement/) and the benchmarks (bench/); needs Debian's
python3-pandas. Whole-return findings have an empty table and row.
"""
import argparse
import contextlib
import csv
import importlib
import sys
import xml.etree.ElementTree as ET


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", required=True, help="the reference validator's directory")
    parser.add_argument("--ruleset", default="cin2025_26")
    parser.add_argument("file")
    args = parser.parse_args()
    sys.path.insert(0, args.reference)
    from cin_validator import cin_validator  # noqa: E402

    registry = importlib.import_module(f"cin_validator.rules.{args.ruleset}").registry
    root = ET.parse(args.file).getroot()
    # The reference prints what a failing rule raised: keep it off the findings.
    with contextlib.redirect_stdout(sys.stderr):
        tables = cin_validator.process_data(cin_validator.convert_data(root))
        validator = cin_validator.CinValidator(tables, registry)

    rows = set()
    issues = validator.full_issue_df
    if len(issues):
        for _, issue in issues.iterrows():
            child = issue.get("child_id")
            child = "" if child is None or str(child) in ("nan", "<NA>", "None") else str(child)
            table = issue.get("tables_affected")
            row = issue.get("row_id")
            rows.add((str(issue["rule_code"]), child, str(table), str(int(row)) if str(row) not in ("nan", "") else ""))
    for _, issue in validator.multichild_issues.iterrows():
        rows.add((str(issue["rule_code"]), "", "", ""))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["rule", "child", "table", "row"])
    for r in sorted(rows):
        out.writerow(r)


if __name__ == "__main__":
    main()
