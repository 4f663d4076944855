#!/usr/bin/env python3
"""Checks examples/ci/gitlab/.gitlab-ci.yml where actionlint cannot (it reads GitHub
workflows only): the file parses as YAML (anchors and merge keys resolved); every job has a
stage listed in `stages` and a script; every script the jobs call as "$CI_SCRIPTS/NAME"
exists in examples/ci/scripts and is executable; the apply side finds what the plan side
keeps (fetch-reviewed-plan.sh takes the job `plan` and its artifact patchbay-out/plan.json
by default). The schema check is .ci/run's (check-jsonschema --builtin-schema vendor.gitlab-ci).

    check_gitlab_ci.py [PACKAGE_ROOT]      prints one line per problem; exit 1 if any
"""
import os, re, sys
import yaml

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../..")
path = os.path.join(root, "examples/ci/gitlab/.gitlab-ci.yml")
scripts_dir = os.path.join(root, "examples/ci/scripts")
problems = []
ci = yaml.safe_load(open(path))
GLOBAL = {"default", "include", "stages", "variables", "workflow", "image", "services", "cache",
          "before_script", "after_script"}
stages = ci.get("stages", ["build", "test", "deploy"])
jobs = {name: job for name, job in ci.items() if name not in GLOBAL and not name.startswith(".")}
variables = {k: (v["value"] if isinstance(v, dict) else v) for k, v in ci.get("variables", {}).items()}


def lines(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else [line for item in value for line in lines(item)]


calls = []
def scan(owner, commands):
    for command in lines(commands):
        for name in re.findall(r'\$\{?CI_SCRIPTS\}?/([A-Za-z0-9_.-]+)', command):
            calls.append(name)
            script = os.path.join(scripts_dir, name)
            if not os.path.isfile(script):
                problems.append("%s: calls $CI_SCRIPTS/%s, which is not in examples/ci/scripts" % (owner, name))
            elif not os.access(script, os.X_OK):
                problems.append("%s: calls $CI_SCRIPTS/%s, which is not executable" % (owner, name))


scan("default.before_script", ci.get("default", {}).get("before_script"))
for name, job in jobs.items():
    if not isinstance(job, dict):
        problems.append("%s: not a job (a %s)" % (name, type(job).__name__))
        continue
    if job.get("stage", "test") not in stages:
        problems.append("%s: stage %r is not in stages %r" % (name, job.get("stage"), stages))
    if not job.get("script"):
        problems.append("%s: no script" % name)
    for key in ("before_script", "script", "after_script"):
        scan("%s.%s" % (name, key), job.get(key))

plan = jobs.get("plan")
saved = os.path.join(variables.get("PATCHBAY_OUT", "patchbay-out"), "plan.json")
if plan is None:
    problems.append("no job 'plan': fetch-reviewed-plan.sh looks for the plan job by that name (PLAN_JOB)")
elif saved != "patchbay-out/plan.json" or saved not in plan.get("artifacts", {}).get("paths", []):
    problems.append("plan: its artifacts must keep patchbay-out/plan.json, the file fetch-reviewed-plan.sh downloads"
                    " (PLAN_ARTIFACT_PATH); they keep %r and PATCHBAY_OUT is %r"
                    % (plan.get("artifacts", {}).get("paths"), variables.get("PATCHBAY_OUT")))

for problem in problems:
    print("%s: %s" % (os.path.relpath(path, root), problem))
if problems:
    sys.exit(1)
print("%s: %d jobs (%s), %d script calls (%s): ok"
      % (os.path.relpath(path, root), len(jobs), ", ".join(jobs), len(calls), ", ".join(sorted(set(calls)))))
