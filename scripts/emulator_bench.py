#!/usr/bin/env python3
"""Opt-in benchmark of the Connect emulator at real size (issue 17), driven by boto3.

    swift build -c release --product patchbay      # or use .build/debug/patchbay
    python3 scripts/emulator_bench.py --binary .build/release/patchbay --users 20000

1. Starts `patchbay emulator --state FILE` once to get a fresh instance, stops it, and
   adds N users (spread over R routing profiles, each user with its AGENT queue) to the
   state file in the emulator's own version-1 layout, then restarts the emulator on it.
   (Seeding through CreateUser would need raised quotas, which the CLI does not expose.)
2. SearchRoutingProfiles: every page of all routing profiles (MaxResults 100), repeated;
   reports the median and p95 seconds per page as boto3 sees them.
3. Writes: P processes, each with its own boto3 client, alternate UpdateUserRoutingProfile
   and UpdateUserIdentityInfo on random users for D seconds; reports writes per second.
   Then the same mix with botocore's SigV4Auth over http.client (boto3's own per-call
   CPU otherwise limits what a small machine can send).
4. The emulator's own time per call, from its --request-log (latencyMs).
   Every write is persisted to the --state file (the costlier case).
"""
import argparse
import json
import multiprocessing
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import boto3
from botocore.config import Config

REGION = "us-east-1"
CFG = Config(retries={"total_max_attempts": 1, "mode": "standard"}, max_pool_connections=4)


def client(endpoint):
    return boto3.client("connect", endpoint_url=endpoint, region_name=REGION,
                        aws_access_key_id="test", aws_secret_access_key="test", config=CFG)


def start(binary, *args):
    p = subprocess.Popen([binary, "emulator", "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = p.stdout.readline().strip()
    iid = p.stdout.readline().strip()
    if not first.startswith("listening on "):
        raise SystemExit(f"emulator did not start: {first} {p.stderr.read()}")
    return p, first[len("listening on "):], iid


def stop(p):
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=120)


def seed(binary, path, users, profiles):
    p, _, iid = start(binary, "--state", path)
    stop(p)
    with open(path) as f:
        doc = json.load(f)
    inst = doc["instance"]
    res = inst["resources"]
    base_rp = next(iter(res["routingProfile"].values()))
    admin = next(iter(res["user"].values()))
    now = time.time()
    rps = []
    for i in range(profiles - 1):
        rid = str(uuid.uuid4())
        rp = json.loads(json.dumps(base_rp))
        rp.update(id=rid, arn=f"{inst['instanceArn']}/routing-profile/{rid}", name=f"Profile {i:04d}")
        rp["hidden"]["IsDefault"] = False
        res["routingProfile"][rid] = rp
        rps.append(rid)
    rps.append(base_rp["id"])
    for i in range(users):
        uid = str(uuid.uuid4())
        u = json.loads(json.dumps(admin))
        u.update(id=uid, arn=f"{inst['instanceArn']}/agent/{uid}", name=f"agent{i:06d}", created=now, modified=now)
        u["attrs"]["RoutingProfileId"] = rps[i % len(rps)]
        u["attrs"]["IdentityInfo"] = {"FirstName": "Agent", "LastName": f"{i:06d}"}
        res["user"][uid] = u
        res["queue"][uid] = {"id": uid, "arn": f"{inst['instanceArn']}/queue/agent/{uid}", "name": "", "tags": {},
                             "attrs": {"Status": "ENABLED"}, "hidden": {"QueueType": "AGENT"}, "created": now, "modified": now}
    with open(path, "w") as f:
        json.dump(doc, f)
    return iid, rps, [u for u in res["user"] if u != admin["id"]]


def search_pages(endpoint, iid, rounds):
    c = client(endpoint)
    times, total = [], None
    for _ in range(rounds):
        token = None
        while True:
            kw = {"InstanceId": iid, "MaxResults": 100}
            if token:
                kw["NextToken"] = token
            t = time.perf_counter()
            r = c.search_routing_profiles(**kw)
            times.append(time.perf_counter() - t)
            total = r["ApproximateTotalCount"]
            assert all("NumberOfAssociatedUsers" in p for p in r["RoutingProfiles"])
            token = r.get("NextToken")
            if not token:
                break
    return times, total


def writer(args):
    endpoint, iid, users, rps, seconds, seed_ = args
    c = client(endpoint)
    rng = random.Random(seed_)
    done = errors = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        uid = rng.choice(users)
        try:
            if done % 2:
                c.update_user_routing_profile(InstanceId=iid, UserId=uid, RoutingProfileId=rng.choice(rps))
            else:
                c.update_user_identity_info(InstanceId=iid, UserId=uid, IdentityInfo={"FirstName": "A", "LastName": str(done)})
            done += 1
        except Exception:  # noqa: BLE001
            errors += 1
    return done, errors


def raw_writer(args):
    """The same writes without boto3's per-call overhead: botocore's SigV4Auth signs each
    request, http.client sends it on one kept-alive connection."""
    import http.client
    from urllib.parse import urlparse
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    endpoint, iid, users, rps, seconds, seed_ = args
    u = urlparse(endpoint)
    conn = http.client.HTTPConnection(u.hostname, u.port)
    auth = SigV4Auth(Credentials("test", "test"), "connect", REGION)
    rng = random.Random(seed_)
    done = errors = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        uid = rng.choice(users)
        if done % 2:
            path, body = f"/users/{iid}/{uid}/routing-profile", {"RoutingProfileId": rng.choice(rps)}
        else:
            path, body = f"/users/{iid}/{uid}/identity-info", {"IdentityInfo": {"FirstName": "A", "LastName": str(done)}}
        data = json.dumps(body).encode()
        req = AWSRequest(method="POST", url=endpoint + path, data=data, headers={"Content-Type": "application/json"})
        auth.add_auth(req)
        conn.request("POST", path, body=data, headers=dict(req.headers))
        r = conn.getresponse()
        r.read()
        if r.status == 200:
            done += 1
        else:
            errors += 1
    return done, errors


def writes(endpoint, iid, users, rps, procs, seconds, fn=writer):
    with multiprocessing.Pool(procs) as pool:
        t = time.perf_counter()
        results = pool.map(fn, [(endpoint, iid, users, rps, seconds, k) for k in range(procs)])
        elapsed = time.perf_counter() - t
    done = sum(r[0] for r in results)
    return done / min(elapsed, seconds + 1), sum(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/debug/patchbay")
    ap.add_argument("--users", type=int, default=20000)
    ap.add_argument("--profiles", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--procs", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=10)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="patchbay-emu-bench.")
    path = os.path.join(work, "state.json")
    iid, rps, users = seed(a.binary, path, a.users, a.profiles)
    print(f"instance {iid}: {a.users} users over {len(rps)} routing profiles ({os.path.getsize(path) / 1e6:.1f} MB state)")
    log = os.path.join(work, "requests.jsonl")
    p, endpoint, iid = start(a.binary, "--state", path, "--request-log", log)
    try:
        times, total = search_pages(endpoint, iid, a.rounds)
        times.sort()
        print(f"SearchRoutingProfiles: {len(times)} pages of 100 (ApproximateTotalCount {total}): "
              f"median {statistics.median(times) * 1000:.1f} ms, p95 {times[max(0, int(len(times) * 0.95) - 1)] * 1000:.1f} ms, "
              f"max {times[-1] * 1000:.1f} ms")
        rate, errors = writes(endpoint, iid, users, rps, a.procs, a.seconds)
        print(f"writes (UpdateUserRoutingProfile / UpdateUserIdentityInfo, persisted to --state, {a.procs} boto3 processes, "
              f"{a.seconds:.0f} s): {rate:.0f} writes/s, {errors} errors")
        rate, errors = writes(endpoint, iid, users, rps, a.procs, a.seconds, raw_writer)
        print(f"writes, same mix signed by botocore's SigV4Auth over http.client ({a.procs} processes, "
              f"{a.seconds:.0f} s): {rate:.0f} writes/s, {errors} errors")
        times, _ = search_pages(endpoint, iid, 1)
        print(f"SearchRoutingProfiles after the writes: median {statistics.median(times) * 1000:.1f} ms a page")
    finally:
        stop(p)
    by_op = {}
    with open(log) as f:
        for line in f:
            e = json.loads(line)
            by_op.setdefault(e["operation"], []).append(e["latencyMs"])
    for op in ("SearchRoutingProfiles", "UpdateUserRoutingProfile", "UpdateUserIdentityInfo"):
        v = sorted(by_op.get(op, [0]))
        print(f"  server time (--request-log latencyMs) {op}: median {statistics.median(v):.2f} ms, "
              f"p95 {v[max(0, int(len(v) * 0.95) - 1)]:.2f} ms over {len(v)} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
