#!/usr/bin/env python3
"""Derive consultation.csv (Windows-1252) from consultation-utf8.csv (UTF-8).

This mimics what Excel for Windows (French locale) writes with
"Enregistrer sous > CSV (séparateur : point-virgule) (*.csv)":

  * encoding Windows-1252 (cp1252), no BOM;
  * ";" separator, CRLF at the end of every record (including the last);
  * a field is quoted only if it contains ";", '"' or a line break,
    embedded quotes are doubled; line breaks inside a cell stay LF;
  * every character that cp1252 cannot represent is replaced by "?".
    Characters that cp1252 does have (é, œ, Œ, €, «, », ’, “, ”, …, °, ²,
    non-breaking space...) are kept.

Replacement granularity: Windows converts from UTF-16, one code unit at a
time, so by default a character outside the Basic Multilingual Plane
(most emoji) becomes "??" and a modifier or joiner adds more: "👍🏽" -> "????",
"❤️" (U+2764 U+FE0F) -> "??". Pass --per-codepoint to get a single "?" per
code point instead (what Python's errors="replace" does).

Usage (from the repository root or anywhere):
    python3 examples/consultation/make-cp1252.py [--per-codepoint] [SRC [DST]]

Standard library only. Output is deterministic.
"""

import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SRC = os.path.join(HERE, "consultation-utf8.csv")
DEFAULT_DST = os.path.join(HERE, "consultation.csv")


def to_cp1252_text(value: str, per_codepoint: bool) -> str:
    out = []
    for ch in value:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            if per_codepoint or ord(ch) <= 0xFFFF:
                out.append("?")
            else:
                out.append("??")  # surrogate pair: two UTF-16 code units
    return "".join(out)


def main(argv):
    per_codepoint = "--per-codepoint" in argv
    args = [a for a in argv if not a.startswith("--")]
    src = args[0] if len(args) > 0 else DEFAULT_SRC
    dst = args[1] if len(args) > 1 else DEFAULT_DST

    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar='"'))

    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=";", quotechar='"',
                        quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    replaced = 0
    for row in rows:
        new_row = [to_cp1252_text(cell, per_codepoint) for cell in row]
        replaced += sum(a != b for a, b in zip(row, new_row))
        writer.writerow(new_row)

    data = buf.getvalue().encode("cp1252")  # strict: must not fail now
    with open(dst, "wb") as f:
        f.write(data)
    print(f"{dst}: {len(rows) - 1} records, {len(data)} bytes, "
          f"{replaced} cells with replaced characters", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
