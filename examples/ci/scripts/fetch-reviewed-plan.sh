#!/usr/bin/env bash
# Finds the plan that was reviewed for the commit being applied and downloads it:
# the pull request merged as GITHUB_SHA, the newest successful run of the plan workflow
# (PLAN_WORKFLOW, default patchbay-plan.yml) for that pull request's head commit, and its
# artifact PLAN_ARTIFACT (default patchbay-plan) into $PATCHBAY_OUT. Prints nothing and
# exits 0 when there is none (apply-plan.sh then decides). Needs gh (GH_TOKEN with
# actions: read), GITHUB_REPOSITORY and GITHUB_SHA. Outputs: pr, plan_run.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}
sha=${GITHUB_SHA:?GITHUB_SHA is not set}
workflow=${PLAN_WORKFLOW:-patchbay-plan.yml}
artifact=${PLAN_ARTIFACT:-patchbay-plan}

pr=$(gh api "repos/$repo/commits/$sha/pulls" --jq '[.[] | select(.merged_at != null)][0] // empty | "\(.number) \(.head.sha)"')
if [ -z "$pr" ]; then
  echo "patchbay: $sha is not the merge of a pull request; no reviewed plan" >&2
  exit 0
fi
read -r number head <<< "$pr"
run=$(gh api "repos/$repo/actions/workflows/$workflow/runs?head_sha=$head&status=success&per_page=1" \
  --jq '.workflow_runs[0].id // empty')
if [ -z "$run" ]; then
  echo "patchbay: no successful $workflow run for #$number at $head; no reviewed plan" >&2
  exit 0
fi
gh run download "$run" --repo "$repo" --name "$artifact" --dir "$out"
echo "patchbay: reviewed plan of #$number from run $run" >&2
set_output pr "$number"
set_output plan_run "$run"
