#!/usr/bin/env python3
"""Fully populated sample responses for Amazon Connect operations, from botocore's model.

Usage: response_skeletons.py OPERATION [OPERATION ...]
Prints {"<Operation>": <JSON response body>} where every member of the output shape
(recursively) is present: strings are "<Shape>-<member>" (enums use their first
value), integers 7, longs 42, booleans true, timestamps 1700000000.25 (epoch seconds,
fractional), lists hold one element and maps one entry. A decoder that re-encodes
such a body to the same JSON has every member with the right name and type.

Exit status 3 when botocore is not importable.
"""
import json
import sys

try:
    import botocore.session
except ImportError as exc:  # pragma: no cover
    print(f"botocore not available: {exc}", file=sys.stderr)
    sys.exit(3)


def sample(shape, name, depth=0, stack=()):
    t = shape.type_name
    if t == "structure":
        if shape.name in stack or depth > 8:
            return None
        out = {}
        for member, mshape in shape.members.items():
            value = sample(mshape, member, depth + 1, stack + (shape.name,))
            if value is not None:
                out[member] = value
        return out
    if t == "list":
        value = sample(shape.member, name, depth + 1, stack)
        return [] if value is None else [value]
    if t == "map":
        value = sample(shape.value, name, depth + 1, stack)
        return {} if value is None else {"sample-key": value}
    if t == "string":
        if shape.enum:
            return shape.enum[0]
        return f"{shape.name}-{name}"
    if t == "integer":
        return 7
    if t == "long":
        return 42
    if t in ("float", "double"):
        return 1.5
    if t == "boolean":
        return True
    if t == "timestamp":
        return 1700000000.25
    if t == "blob":
        return "YmxvYg=="
    raise ValueError(f"unhandled shape type {t}")


def main() -> int:
    model = botocore.session.get_session().get_service_model("connect")
    out = {}
    for op in sys.argv[1:]:
        output = model.operation_model(op).output_shape
        out[op] = sample(output, op) if output is not None else {}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
