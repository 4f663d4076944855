#!/usr/bin/env python3
"""A stand-in for the GitHub CLI (`gh`) in the CI recipe tests: the `gh api` calls the
scripts in examples/ci/scripts make, against a JSON file ($FAKE_GH_STATE) holding issues,
comments, workflow runs and artifacts. `--jq` runs the real jq, as gh does. Every call is
appended to the state's "calls" list."""
import json, os, subprocess, sys, shutil
from urllib.parse import urlsplit, parse_qs

state_path = os.environ["FAKE_GH_STATE"]
state = json.load(open(state_path)) if os.path.exists(state_path) else {}
state.setdefault("issues", [])        # PRs are issues too, as in GitHub's API
state.setdefault("comments", [])      # {id, issue, body}
state.setdefault("pulls_by_commit", {})
state.setdefault("runs", [])          # {id, workflow, head_sha, status}
state.setdefault("artifacts", {})     # run id -> {name: directory}
state.setdefault("calls", [])
state.setdefault("next_id", 1000)


def save():
    json.dump(state, open(state_path, "w"), indent=1)


def fail(message, code=1):
    save()
    print("gh: " + message, file=sys.stderr)
    sys.exit(code)


def new_id():
    state["next_id"] += 1
    return state["next_id"]


def api(args):
    method, path, jq, body = "GET", None, None, None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--method", "-X"): method = args[i + 1]; i += 2; continue
        if a == "--jq" or a == "-q": jq = args[i + 1]; i += 2; continue
        if a == "--input": body = json.load(sys.stdin if args[i + 1] == "-" else open(args[i + 1])); i += 2; continue
        if a == "--paginate": i += 1; continue
        if a.startswith("-"): fail("fake gh: unsupported flag " + a)
        path = a; i += 1
    state["calls"].append({"method": method, "path": path, "body": body})
    url = urlsplit(path)
    parts = url.path.strip("/").split("/")
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert parts[0] == "repos", path
    rest = parts[3:]
    result = None
    if rest[:1] == ["issues"] and len(rest) == 1:
        if method == "GET":
            result = [i for i in state["issues"] if i["state"] == query.get("state", "open")
                      and (not query.get("labels") or query["labels"] in i["labels"])]
        else:
            issue = {"number": new_id(), "title": body["title"], "body": body["body"],
                     "labels": body.get("labels", []), "state": "open"}
            state["issues"].append(issue)
            result = issue
    elif rest[:2] == ["issues", "comments"]:
        comment = next(c for c in state["comments"] if str(c["id"]) == rest[2])
        comment["body"] = body["body"]
        result = comment
    elif rest[:1] == ["issues"] and len(rest) == 3 and rest[2] == "comments":
        number = int(rest[1])
        if method == "GET":
            result = [c for c in state["comments"] if c["issue"] == number]
        else:
            comment = {"id": new_id(), "issue": number, "body": body["body"]}
            state["comments"].append(comment)
            result = comment
    elif rest[:1] == ["issues"] and len(rest) == 2:
        issue = next(i for i in state["issues"] if i["number"] == int(rest[1]))
        if method == "PATCH":
            issue.update({k: v for k, v in body.items() if k in ("body", "state", "title")})
        result = issue
    elif rest[:1] == ["commits"] and rest[2:] == ["pulls"]:
        result = state["pulls_by_commit"].get(rest[1], [])
    elif rest[:2] == ["actions", "workflows"] and rest[3:] == ["runs"]:
        runs = [r for r in state["runs"] if r["workflow"] == rest[2] and r["head_sha"] == query.get("head_sha")
                and r["status"] == query.get("status", r["status"])]
        result = {"total_count": len(runs), "workflow_runs": runs}
    else:
        fail("fake gh: no route for %s %s" % (method, path))
    save()
    text = json.dumps(result)
    if jq is not None:
        text = subprocess.run(["jq", "-r", jq], input=text, capture_output=True, text=True, check=True).stdout
        sys.stdout.write(text)
    else:
        print(text)


def run_download(args):
    run_id, name, directory = args[0], None, "."
    i = 1
    while i < len(args):
        if args[i] == "--name": name = args[i + 1]
        if args[i] == "--dir": directory = args[i + 1]
        i += 2
    state["calls"].append({"method": "DOWNLOAD", "path": "run/%s/%s" % (run_id, name), "body": None})
    source = state["artifacts"].get(run_id, {}).get(name)
    if source is None:
        fail("no artifact %s in run %s" % (name, run_id))
    os.makedirs(directory, exist_ok=True)
    for entry in os.listdir(source):
        shutil.copy(os.path.join(source, entry), directory)
    save()


if sys.argv[1:2] == ["api"]:
    api(sys.argv[2:])
elif sys.argv[1:3] == ["run", "download"]:
    run_download(sys.argv[3:])
else:
    fail("fake gh: unsupported command " + " ".join(sys.argv[1:]))
