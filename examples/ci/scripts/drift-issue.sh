#!/usr/bin/env bash
# Scheduled drift check. Runs `patchbay plan --detailed-exitcode --format markdown` and keeps
# one GitHub issue (label patchbay-drift, one per environment) in step with it:
#   exit 0 (in sync)  closes the open drift issue, if any, with a comment
#   exit 2 (drift)    opens the issue, or updates its description (and comments when the
#                     drift changed)
#   exit 1 (error)    leaves the issue alone; this script exits 1 so the job fails
# Writes $PATCHBAY_OUT/drift.md and drift.log. Output: drift (true/false).
# Needs gh (with GH_TOKEN), jq and GITHUB_REPOSITORY. Settings: see lib.sh;
# PATCHBAY_DRIFT_LABEL (default patchbay-drift).
# shellcheck disable=SC2016  # jq filters are single-quoted on purpose
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}
label=${PATCHBAY_DRIFT_LABEL:-patchbay-drift}

set +e
"$patchbay" plan "$manifests" --format markdown --detailed-exitcode "${common_args[@]}" \
  > "$out/drift.md" 2> "$out/drift.log"
status=$?
set -e
cat "$out/drift.log" >&2
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "patchbay: drift check failed (exit $status); the drift issue is left as it is" >&2
  exit 1
fi

mark=$(marker drift)
issue=$(gh api "repos/$repo/issues?state=open&labels=$label&per_page=100" \
  --jq "[.[] | select(.body != null and (.body | startswith(\"$mark\")))][0].number // empty")
link=$(run_link)
title="Patchbay drift${environment_name:+ in $environment_name}: the instance differs from the manifests"

if [ "$status" -eq 0 ]; then
  set_output drift false
  if [ -n "$issue" ]; then
    gh_api POST "repos/$repo/issues/$issue/comments" --arg link "$link" \
      '{body: ("The instance matches the manifests again" + (if $link != "" then " ([check](" + $link + "))" else "" end) + "; closing.")}' > /dev/null
    gh_api PATCH "repos/$repo/issues/$issue" '{state: "closed", state_reason: "completed"}' > /dev/null
    echo "in sync; closed #$issue"
  else
    echo "in sync"
  fi
  exit 0
fi

set_output drift true
{
  echo "$mark"
  echo "The live instance has changes the manifests do not have (made outside Patchbay, or not yet applied)."
  echo "Last checked${link:+ in [this run]($link)}. Apply the manifests to undo them, or change the manifests to keep them."
  echo
  at_most "$out/drift.md" 60000
} > "$out/issue.md"

if [ -z "$issue" ]; then
  issue=$(gh_api POST "repos/$repo/issues" --arg title "$title" --arg name "$label" --rawfile body "$out/issue.md" \
    '{title: $title, body: $body, labels: [$name]}' | jq -r .number)
  echo "drift; opened #$issue"
  exit 0
fi
# The plan's first lines name the instance and read calls; compare what follows the header.
old=$(gh api "repos/$repo/issues/$issue" --jq .body | sed '1,3d')
new=$(sed '1,3d' "$out/issue.md")
gh_api PATCH "repos/$repo/issues/$issue" --rawfile body "$out/issue.md" '{body: $body}' > /dev/null
if [ "$old" != "$new" ]; then
  gh_api POST "repos/$repo/issues/$issue/comments" '{body: "The drift changed; the description shows it as it is now."}' > /dev/null
  echo "drift changed; updated #$issue"
else
  echo "drift unchanged; refreshed #$issue"
fi
