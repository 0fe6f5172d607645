#!/usr/bin/env python3
"""Rewrites the table in docs/decisions/README.md from the ADR files' headings and status lines."""
import glob, os, re

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "decisions")
rows = []
for path in sorted(glob.glob(os.path.join(root, "[0-9][0-9][0-9][0-9]-*.md"))):
    lines = open(path, encoding="utf-8").read().splitlines()
    number, title = re.match(r"# (\d{4})\. (.*)", lines[0]).groups()
    status = next(l for l in lines if l.startswith("Status: "))[len("Status: "):]
    rows.append(f"| [{number}]({os.path.basename(path)}) | {title} | {status} |")

index = os.path.join(root, "README.md")
text = open(index, encoding="utf-8").read()
head = text.split("| ADR | decision | status |")[0]
open(index, "w", encoding="utf-8").write(head + "| ADR | decision | status |\n|---|---|---|\n" + "\n".join(rows) + "\n")
