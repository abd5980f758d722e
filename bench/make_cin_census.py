#!/usr/bin/env python3
"""Makes a Children in Need census of any size from one the synthetic council produced
(`safeguard returns cin`): the council's children, copied as many times as needed, each copy with
its own LAchildID (the copy's number before the council's id) and its own UPN (issued by another
council: the copy's own LA number in characters 2-4, with the check letter worked out again). Everything else is the council's
synthetic record, so the rules see the same mix of episodes at any size.

    bench/make_cin_census.py COUNCIL.xml CHILDREN OUT.xml

Standard library only; streams, so any size fits in memory.
"""
import re
import sys

ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter(last_twelve):
    if not last_twelve[:11].isdigit():
        return None
    total = 0
    for i, ch in enumerate(last_twelve):
        value = int(ch) if ch.isdigit() else ALPHABET.index(ch)
        total += value * (i + 2)
    return ALPHABET[total % 23]


# DfE LA numbers (CIN rule 1530), one for each copy.
LA_NUMBERS = [n for a, b in [(201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
                             (380, 384), (390, 394), (800, 803), (805, 808), (810, 813), (820, 823),
                             (850, 852), (855, 857), (865, 896), (935, 938)] for n in range(a, b + 1)]


def renumbered_upn(upn, copy):
    """The UPN as if issued by the copy's council."""
    if len(upn) != 13:
        return upn
    tail = "%03d" % LA_NUMBERS[copy % len(LA_NUMBERS)] + upn[4:]
    letter = check_letter(tail)
    return letter + tail if letter else upn


def main():
    source, wanted, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    start = text.index("<Children>") + len("<Children>")
    end = text.rindex("</Children>")
    children = re.findall(r"\s*<Child>.*?</Child>", text[start:end], flags=re.S)
    if not children:
        sys.exit(f"{source} has no children")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(text[:start])
        written = 0
        copy = 0
        while written < wanted:
            for child in children:
                if written == wanted:
                    break
                if copy:
                    child = re.sub(r"<LAchildID>([^<]*)</LAchildID>",
                                   lambda m: f"<LAchildID>{copy}X{m.group(1)}</LAchildID>", child)
                    child = re.sub(r"<UPN>([^<]*)</UPN>",
                                   lambda m: f"<UPN>{renumbered_upn(m.group(1), copy)}</UPN>", child)
                out.write(child)
                written += 1
            copy += 1
        out.write("\n  " + text[end:])


if __name__ == "__main__":
    main()
