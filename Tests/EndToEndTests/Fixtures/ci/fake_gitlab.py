#!/usr/bin/env python3
"""A stand-in for the GitLab REST API v4 in the CI recipe tests: the calls the scripts in
examples/ci/scripts make with curl, against a JSON file holding issues, notes, merge
requests, pipelines, jobs and artifacts.

    fake_gitlab.py STATE_FILE PORT_FILE

Listens on 127.0.0.1 on a free port and writes the port to PORT_FILE once it accepts
connections. The state file is read before and written after every request, so a test
seeds it and reads it back. Every call is appended to the state's "calls" list. Stops by
itself when its parent process is gone, or after 10 minutes.

Shapes follow the GitLab API documentation (https://docs.gitlab.com/ee/api/): issues have
iid, title, description, labels (names), state (opened/closed); notes id, body, system;
lists are paginated (per_page, at most 100, or the state's max_per_page; page) with the
X-Next-Page, X-Page, X-Per-Page and X-Total headers; the token is the PRIVATE-TOKEN header
(401 without the state's token); an unknown route or object is a 404."""
import json, os, signal, sys, threading, time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlsplit, parse_qs, unquote

state_path, port_path = sys.argv[1], sys.argv[2]
lock = threading.Lock()


def load():
    state = json.load(open(state_path)) if os.path.exists(state_path) else {}
    state.setdefault("token", "glpat-test")
    state.setdefault("project", "42")
    state.setdefault("issues", [])                    # {iid, title, description, labels, state}
    state.setdefault("notes", [])                     # {id, on: "issues/3" | "merge_requests/7", body, system}
    state.setdefault("merge_requests_by_commit", {})  # sha -> [merge request]
    state.setdefault("pipelines", {})                 # merge request iid -> [{id, sha, status}]
    state.setdefault("jobs", {})                      # pipeline id -> [{id, name, status}]
    state.setdefault("artifacts", {})                 # job id -> directory the artifact paths are relative to
    state.setdefault("calls", [])
    state.setdefault("next_id", 100)
    state.setdefault("max_per_page", 100)
    return state


class Error(Exception):
    def __init__(self, status, message):
        self.status, self.message = status, message


def new_id(state):
    state["next_id"] += 1
    return state["next_id"]


def find(items, key, value):
    for item in items:
        if str(item[key]) == str(value):
            return item
    raise Error(404, "404 Not found")


def route(state, method, parts, query, body):
    """Returns (result, is_list) or (bytes, None) for a file."""
    if parts == ["issues"]:
        if method == "GET":
            labels = [l for l in query.get("labels", "").split(",") if l]
            wanted = query.get("state", "all")
            return [i for i in state["issues"] if wanted in ("all", i["state"])
                    and all(l in i["labels"] for l in labels)], True
        if method == "POST":
            issue = {"iid": max([i["iid"] for i in state["issues"]] + [0]) + 1, "title": body["title"],
                     "description": body.get("description"), "state": "opened",
                     "labels": [l for l in body.get("labels", "").split(",") if l]}
            state["issues"].append(issue)
            return issue, False
    if len(parts) == 2 and parts[0] == "issues":
        issue = find(state["issues"], "iid", parts[1])
        if method == "PUT":
            for key in ("title", "description"):
                if key in body:
                    issue[key] = body[key]
            if body.get("state_event") == "close":
                issue["state"] = "closed"
            elif body.get("state_event") == "reopen":
                issue["state"] = "opened"
        elif method != "GET":
            raise Error(405, "405 Method Not Allowed")
        return issue, False
    if len(parts) in (3, 4) and parts[0] in ("issues", "merge_requests") and parts[2] == "notes":
        on = parts[0] + "/" + parts[1]
        if parts[0] == "issues":
            find(state["issues"], "iid", parts[1])
        if len(parts) == 4:
            note = find([n for n in state["notes"] if n["on"] == on], "id", parts[3])
            if method == "PUT":
                note["body"] = body["body"]
            return note, False
        if method == "GET":
            notes = [n for n in state["notes"] if n["on"] == on]
            notes.sort(key=lambda n: n["id"], reverse=query.get("sort", "desc") == "desc")
            return notes, True
        if method == "POST":
            note = {"id": new_id(state), "on": on, "body": body["body"], "system": False}
            state["notes"].append(note)
            return note, False
    if len(parts) == 4 and parts[:2] == ["repository", "commits"] and parts[3] == "merge_requests":
        return state["merge_requests_by_commit"].get(parts[2], []), True
    if len(parts) == 3 and parts[0] == "merge_requests" and parts[2] == "pipelines":
        return sorted(state["pipelines"].get(parts[1], []), key=lambda p: -p["id"]), True
    if len(parts) == 3 and parts[0] == "pipelines" and parts[2] == "jobs":
        scopes = query.get("scope[]")
        jobs = state["jobs"].get(parts[1], [])
        return [j for j in jobs if scopes is None or j["status"] in scopes], True
    if len(parts) > 3 and parts[0] == "jobs" and parts[2] == "artifacts":
        root = state["artifacts"].get(parts[1])
        path = os.path.normpath(os.path.join(root or "/nonexistent", *parts[3:]))
        if root is None or not path.startswith(os.path.normpath(root) + "/") or not os.path.isfile(path):
            raise Error(404, "404 Not found")
        return open(path, "rb").read(), None
    raise Error(404, "404 no route for %s %s" % (method, "/".join(parts)))


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, payload, headers=None, content_type="application/json"):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self, method):
        url = urlsplit(self.path)
        query = {}
        for key, values in parse_qs(url.query).items():
            query[key] = values if key.endswith("[]") else values[0]
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        with lock:
            state = load()
            try:
                body = None
                if method in ("POST", "PUT"):
                    if not self.headers.get("Content-Type", "").startswith("application/json"):
                        raise Error(415, "415 the fake takes JSON bodies only")
                    body = json.loads(raw or b"{}")
                state["calls"].append({"method": method, "path": url.path, "query": query, "body": body})
                if self.headers.get("PRIVATE-TOKEN") != state["token"]:
                    raise Error(401, "401 Unauthorized")
                parts = [unquote(p) for p in url.path.strip("/").split("/")]
                if parts[:3] != ["api", "v4", "projects"] or len(parts) < 5:
                    raise Error(404, "404 no route for %s" % url.path)
                if parts[3] != str(state["project"]):
                    raise Error(404, "404 Project Not Found")
                result, is_list = route(state, method, parts[4:], query, body)
                headers = {}
                if is_list:
                    per_page = min(int(query.get("per_page", 20)), 100, int(state["max_per_page"]))
                    page = int(query.get("page", 1))
                    total = len(result)
                    result = result[(page - 1) * per_page:page * per_page]
                    headers = {"X-Page": str(page), "X-Per-Page": str(per_page), "X-Total": str(total),
                               "X-Next-Page": str(page + 1) if page * per_page < total else ""}
                json.dump(state, open(state_path + ".tmp", "w"), indent=1)
                os.replace(state_path + ".tmp", state_path)
            except Error as error:
                json.dump(state, open(state_path + ".tmp", "w"), indent=1)
                os.replace(state_path + ".tmp", state_path)
                self.send(error.status, {"message": error.message})
                return
        if is_list is None:
            self.send(200, result, content_type="application/octet-stream")
        else:
            self.send(201 if method == "POST" else 200, result, headers)

    def do_GET(self): self.handle_any("GET")
    def do_POST(self): self.handle_any("POST")
    def do_PUT(self): self.handle_any("PUT")
    def do_DELETE(self): self.handle_any("DELETE")


def watch(parent, deadline):
    while os.getppid() == parent and time.time() < deadline:
        time.sleep(0.5)
    os._exit(0)


# A child of the Swift test process starts with SIGTERM blocked (the mask is inherited):
# unblock it, so that the test's terminate() stops the server.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
server = HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=watch, args=(os.getppid(), time.time() + 600), daemon=True).start()
with open(port_path + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(port_path + ".tmp", port_path)
server.serve_forever()
