#!/usr/bin/env bash
# Finds the plan that was reviewed for the commit being applied and downloads it into
# $PATCHBAY_OUT (as plan.json). Prints nothing and exits 0 when there is none
# (apply-plan.sh then decides); says why on stderr.
#   GitHub: the pull request merged as GITHUB_SHA, the newest successful run of the plan
#     workflow (PLAN_WORKFLOW, default patchbay-plan.yml) for that pull request's head commit,
#     and its artifact PLAN_ARTIFACT (default patchbay-plan). Needs gh (GH_TOKEN with
#     actions: read) and GITHUB_REPOSITORY. Outputs: pr, plan_run.
#   GitLab: the merge request merged as CI_COMMIT_SHA, its newest successful pipeline for the
#     merge request's head commit, that pipeline's successful job PLAN_JOB (default plan) and
#     the file PLAN_ARTIFACT_PATH (default patchbay-out/plan.json) of its artifacts. Needs
#     curl and GITLAB_API_TOKEN (read_api is enough here), see lib.sh.
# shellcheck disable=SC2016  # jq filters are single-quoted on purpose
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

fetch_from_github() {
  local repo sha workflow artifact pr number head run
  repo=$(github_repo)
  sha=${GITHUB_SHA:?GITHUB_SHA is not set}
  workflow=${PLAN_WORKFLOW:-patchbay-plan.yml}
  artifact=${PLAN_ARTIFACT:-patchbay-plan}
  pr=$(gh api "repos/$repo/commits/$sha/pulls" --jq '[.[] | select(.merged_at != null)][0] // empty | "\(.number) \(.head.sha)"')
  if [ -z "$pr" ]; then
    echo "patchbay: $sha is not the merge of a pull request; no reviewed plan" >&2
    return 0
  fi
  read -r number head <<< "$pr"
  run=$(gh api "repos/$repo/actions/workflows/$workflow/runs?head_sha=$head&status=success&per_page=1" \
    --jq '.workflow_runs[0].id // empty')
  if [ -z "$run" ]; then
    echo "patchbay: no successful $workflow run for #$number at $head; no reviewed plan" >&2
    return 0
  fi
  gh run download "$run" --repo "$repo" --name "$artifact" --dir "$out"
  echo "patchbay: reviewed plan of #$number from run $run" >&2
  set_output pr "$number"
  set_output plan_run "$run"
}

fetch_from_gitlab() {
  local sha job_name path mr iid head pipeline job
  sha=${CI_COMMIT_SHA:?CI_COMMIT_SHA is not set}
  job_name=${PLAN_JOB:-plan}
  path=${PLAN_ARTIFACT_PATH:-patchbay-out/plan.json}
  # The merge request whose merge (merge commit, squash commit or fast-forwarded head) is this
  # commit: GET /projects/:id/repository/commits/:sha/merge_requests
  # (https://docs.gitlab.com/ee/api/commits.html#list-merge-requests-associated-with-a-commit)
  mr=$(gitlab_list "repository/commits/$sha/merge_requests" | jq -r --arg sha "$sha" '
    [.[] | select(.state == "merged" and (.merge_commit_sha == $sha or .squash_commit_sha == $sha or .sha == $sha))][0]
    // empty | "\(.iid) \(.sha)"')
  if [ -z "$mr" ]; then
    echo "patchbay: $sha is not the merge of a merge request; no reviewed plan" >&2
    return 0
  fi
  read -r iid head <<< "$mr"
  # Its newest successful pipeline for the head commit that was reviewed:
  # GET /projects/:id/merge_requests/:merge_request_iid/pipelines
  # (https://docs.gitlab.com/ee/api/merge_requests.html#list-merge-request-pipelines)
  pipeline=$(gitlab_list "merge_requests/$iid/pipelines" | jq -r --arg head "$head" '
    [.[] | select(.status == "success" and .sha == $head)] | max_by(.id) // empty | .id')
  if [ -z "$pipeline" ]; then
    echo "patchbay: no successful pipeline for !$iid at $head; no reviewed plan" >&2
    return 0
  fi
  # Its plan job: GET /projects/:id/pipelines/:pipeline_id/jobs?scope[]=success
  # (https://docs.gitlab.com/ee/api/jobs.html#list-pipeline-jobs)
  job=$(gitlab_list "pipelines/$pipeline/jobs?scope[]=success" | jq -r --arg name "$job_name" '
    [.[] | select(.name == $name and .status == "success")] | max_by(.id) // empty | .id')
  if [ -z "$job" ]; then
    echo "patchbay: pipeline $pipeline of !$iid has no successful '$job_name' job; no reviewed plan" >&2
    return 0
  fi
  # The saved plan in its artifacts: GET /projects/:id/jobs/:job_id/artifacts/*artifact_path
  # (https://docs.gitlab.com/ee/api/job_artifacts.html#download-a-single-artifact-file-by-job-id)
  if ! gitlab_curl "jobs/$job/artifacts/$path" -o "$out/plan.json.part"; then
    rm -f "$out/plan.json.part"
    echo "patchbay: could not download $path from job $job of pipeline $pipeline (!$iid): expired or not kept as an artifact?" >&2
    return 1
  fi
  mv "$out/plan.json.part" "$out/plan.json"
  echo "patchbay: reviewed plan of !$iid from pipeline $pipeline (job $job)" >&2
}

"fetch_from_$forge"
