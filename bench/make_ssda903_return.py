#!/usr/bin/env python3
"""Makes an SSDA903 return of any size from one the synthetic council produced (`safeguard returns
903 --previous`): the council's children, this year's and last year's, copied as many times as
needed to reach CHILDREN children this year, each copy with its own CHILD (the copy's number before
the council's id). Everything else is the council's synthetic record, so the rules see the same mix
of episodes at any size. The postcode directory of the council's return serves the copies too.

    bench/make_ssda903_return.py COUNCIL_DIR CHILDREN OUT_DIR

Standard library only.
"""
import csv
import os
import sys


def children_of(directory):
    with open(os.path.join(directory, "Header.csv"), newline="") as f:
        return [row["CHILD"] for row in csv.DictReader(f)]


def copy_year(source, target, copies):
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(source, name), newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        with open(os.path.join(target, name), "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for copy in range(copies):
                for row in rows:
                    writer.writerow([f"{copy}{row[0]}" if copy else row[0]] + row[1:])


def main():
    source, wanted, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    copies = -(-wanted // len(children_of(source)))  # rounded up
    copy_year(source, target, copies)
    if os.path.isdir(os.path.join(source, "previous")):
        copy_year(os.path.join(source, "previous"), os.path.join(target, "previous"), copies)


if __name__ == "__main__":
    main()
