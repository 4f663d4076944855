#!/usr/bin/env python3
"""Lists Swift functions, initialisers and closures-as-properties longer than a limit.

Usage: python3 scripts/lint/long_functions.py [--max N] [DIR ...]   (default: 80 lines, Sources)
Exits 1 when any function is longer, so CI can run it. Counts the lines from the `func` /
`init` line to its closing brace; strings and comments are skipped when matching braces.
"""
import os
import re
import sys

DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|final|override|"
                  r"mutating|nonisolated|convenience|required|open|class)\s+)*(?:func\s+\w+|init[?!]?)\s*[<(]")


def strip(line, state):
    """The line without string contents and comments; `state` carries a block comment / multi-line string."""
    out, i = [], 0
    while i < len(line):
        if state["block"]:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out)
            state["block"], i = False, end + 2
            continue
        if state["multi"]:
            end = line.find('"""', i)
            if end < 0:
                return "".join(out)
            state["multi"], i = False, end + 3
            continue
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block"], i = True, i + 2
            continue
        if line.startswith('"""', i):
            state["multi"], i = True, i + 3
            continue
        if line[i] == '"':
            i += 1
            while i < len(line) and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
            continue
        out.append(line[i])
        i += 1
    return "".join(out)


def functions(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    state = {"block": False, "multi": False}
    code = [strip(l, state) for l in lines]
    for start, text in enumerate(code):
        if not DECL.match(text):
            continue
        depth, opened = 0, False
        for end in range(start, len(code)):
            for ch in code[end]:
                if ch == "{":
                    depth, opened = depth + 1, True
                elif ch == "}":
                    depth -= 1
            if opened and depth <= 0:
                yield start + 1, end - start + 1, text.strip()
                break
            if not opened and end > start and ("{" not in code[end]) and code[end].strip().endswith(")") is False \
                    and code[end].strip() == "":
                break


def main(argv):
    limit, roots = 80, []
    args = iter(argv)
    for a in args:
        if a == "--max":
            limit = int(next(args))
        else:
            roots.append(a)
    roots = roots or ["Sources"]
    long = []
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for name in sorted(files):
                if name.endswith(".swift"):
                    path = os.path.join(dirpath, name)
                    for line, length, decl in functions(path):
                        if length > limit:
                            long.append((length, path, line, decl))
    for length, path, line, decl in sorted(long, reverse=True):
        print(f"{path}:{line}: {length} lines: {decl[:100]}")
    print(f"{len(long)} function(s) over {limit} lines")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
