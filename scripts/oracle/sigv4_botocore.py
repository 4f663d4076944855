#!/usr/bin/env python3
"""Sign requests with botocore's SigV4Auth and print what it computed, as JSON.

The oracle for Patchbay's Swift SigV4 signer (Tests/SigV4Tests/BotocoreOracleTests.swift).

Input (stdin): a JSON list of requests
  {"name": "...", "method": "POST", "endpoint": "https://connect.us-east-1.amazonaws.com",
   "path": "/tags/arn%3Aaws%3A...",          # as sent on the wire (labels encoded once)
   "query": [["tagKeys", "a"], ["tagKeys", "b c"]],   # decoded pairs, in order
   "headers": [["Content-Type", "application/json"]],
   "body": "...", "accessKeyId": "...", "secretAccessKey": "...", "sessionToken": null,
   "region": "us-east-1", "service": "connect", "timestamp": "20260101T000000Z"}
Output (stdout): a JSON list of
  {"name", "canonicalRequest", "stringToSign", "authorization", "headers": [[name, value], ...]}

Exit code 3 when botocore cannot be imported (the Swift test then skips).
"""
import datetime
import json
import sys

try:
    import botocore
    import botocore.auth
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    from botocore.utils import percent_encode_sequence
except ImportError as error:  # pragma: no cover
    print(f"botocore not importable: {error}", file=sys.stderr)
    sys.exit(3)


def sign(spec):
    when = datetime.datetime.strptime(spec["timestamp"], "%Y%m%dT%H%M%SZ")
    original = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda *args, **kwargs: when
    try:
        url = spec["endpoint"].rstrip("/") + spec["path"]
        if spec.get("query"):
            url += "?" + percent_encode_sequence([(k, v) for k, v in spec["query"]])
        request = AWSRequest(
            method=spec["method"],
            url=url,
            headers={k: v for k, v in spec.get("headers", [])},
            data=spec.get("body", "").encode("utf-8"),
        )
        credentials = Credentials(spec["accessKeyId"], spec["secretAccessKey"], spec.get("sessionToken"))
        auth = SigV4Auth(credentials, spec["service"], spec["region"])
        captured = {}
        original_sts = auth.string_to_sign

        def capture(req, canonical_request):
            captured["canonicalRequest"] = canonical_request
            result = original_sts(req, canonical_request)
            captured["stringToSign"] = result
            return result

        auth.string_to_sign = capture
        auth.add_auth(request)
        return {
            "name": spec["name"],
            "canonicalRequest": captured["canonicalRequest"],
            "stringToSign": captured["stringToSign"],
            "authorization": request.headers["Authorization"],
            "headers": [[k, v] for k, v in request.headers.items()],
            "botocoreVersion": botocore.__version__,
        }
    finally:
        botocore.auth.get_current_datetime = original


def main():
    specs = json.load(sys.stdin)
    json.dump([sign(spec) for spec in specs], sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
