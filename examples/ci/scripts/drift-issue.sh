#!/usr/bin/env bash
# Scheduled drift check. Runs `patchbay plan --detailed-exitcode --format markdown` and keeps
# one issue (label patchbay-drift, one per environment) in step with it, on GitHub or GitLab:
#   exit 0 (in sync)  closes the open drift issue, if any, with a comment
#   exit 2 (drift)    opens the issue, or updates its description (and comments when the
#                     drift changed)
#   exit 1 (error)    leaves the issue alone; this script exits 1 so the job fails
# Writes $PATCHBAY_OUT/drift.md and drift.log. Output: drift (true/false).
# Needs jq and, on GitHub, gh (with GH_TOKEN) and GITHUB_REPOSITORY; on GitLab, curl and
# GITLAB_API_TOKEN (see lib.sh). Settings: see lib.sh; PATCHBAY_DRIFT_LABEL (default patchbay-drift).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
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
issue=$(issue_find "$label" "$mark")
link=$(run_link)
title="Patchbay drift${environment_name:+ in $environment_name}: the instance differs from the manifests"

if [ "$status" -eq 0 ]; then
  set_output drift false
  if [ -n "$issue" ]; then
    issue_comment "$issue" "The instance matches the manifests again${link:+ ([check]($link))}; closing."
    issue_close "$issue"
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
  issue=$(issue_open "$title" "$label" "$out/issue.md")
  echo "drift; opened #$issue"
  exit 0
fi
# The plan's first lines name the instance and read calls; compare what follows the header.
old=$(issue_description "$issue" | sed '1,3d')
new=$(sed '1,3d' "$out/issue.md")
issue_edit "$issue" "$out/issue.md"
if [ "$old" != "$new" ]; then
  issue_comment "$issue" "The drift changed; the description shows it as it is now."
  echo "drift changed; updated #$issue"
else
  echo "drift unchanged; refreshed #$issue"
fi
