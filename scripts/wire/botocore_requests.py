#!/usr/bin/env python3
"""Oracle for ConnectAPI wire tests: build Amazon Connect requests with real botocore.

Reads a JSON list of {"operation": "CreateQueue", "params": {...}} (botocore member
names, e.g. {"InstanceId": "...", "Name": "..."}) from stdin or the file named as the
first argument, builds each request with a botocore client pointed at
http://127.0.0.1:1 with dummy credentials, captures it in a `before-send` hook and
answers with a stub response, so nothing goes on the network. Prints a JSON list of
{"operation", "method", "path", "query": [[name, value], ...] (decoded, in order),
 "body": <parsed JSON or null>, "rawBody", "contentType", "error": <message if botocore refused the params>}.

Exit status 3 when botocore is not importable (callers skip their tests then).
"""
import json
import sys
from urllib.parse import urlsplit, parse_qsl

try:
    import botocore
    import botocore.session
    from botocore.awsrequest import AWSResponse
    from botocore.config import Config
except ImportError as exc:  # pragma: no cover
    print(f"botocore not available: {exc}", file=sys.stderr)
    sys.exit(3)


class _Raw:
    """Just enough of a urllib3 response for botocore's AWSResponse."""

    def __init__(self, body: bytes):
        self._body = body

    def stream(self, *args, **kwargs):
        yield self._body


def make_client():
    session = botocore.session.get_session()
    return session.create_client(
        "connect",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def main() -> int:
    source = open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin
    cases = json.load(source)
    client = make_client()
    captured = {}

    def before_send(request, **kwargs):
        captured["method"] = request.method
        captured["url"] = request.url
        captured["body"] = request.body
        captured["contentType"] = request.headers.get("Content-Type")
        return AWSResponse(request.url, 200, {"x-amzn-RequestId": "stub"}, _Raw(b"{}"))

    client.meta.events.register("before-send.connect", before_send)

    results = []
    for case in cases:
        captured.clear()
        op = case["operation"]
        out = {"operation": op}
        try:
            client._make_api_call(op, case.get("params", {}))
        except Exception as exc:  # parameter validation and the like
            if not captured:
                out["error"] = f"{type(exc).__name__}: {exc}"
                results.append(out)
                continue
        url = urlsplit(captured["url"])
        body = captured["body"]
        if isinstance(body, (bytes, bytearray)):
            body = body.decode("utf-8")
        out["method"] = captured["method"]
        out["path"] = url.path
        out["query"] = [list(p) for p in parse_qsl(url.query, keep_blank_values=True)]
        out["rawBody"] = body or ""
        ct = captured.get("contentType")
        out["contentType"] = ct.decode() if isinstance(ct, bytes) else ct
        out["body"] = json.loads(body) if body else None
        results.append(out)
    json.dump(results, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
