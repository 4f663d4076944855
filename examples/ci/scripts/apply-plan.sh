#!/usr/bin/env bash
# Apply on merge. With a saved plan (PLAN_FILE, default $PATCHBAY_OUT/plan.json, as the
# pull request's plan job wrote it): `patchbay apply --plan`, which applies exactly the
# reviewed changes and refuses when the manifests, the instance or the file changed since.
# Without one: fails, unless PATCHBAY_APPLY_UNREVIEWED=true, then plans afresh and applies
# with --auto-approve (a push that bypassed review, or a re-run after a refused plan).
# Writes $PATCHBAY_OUT/apply.log. Settings: see lib.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
plan_file=${PLAN_FILE:-$out/plan.json}

if [ -f "$plan_file" ]; then
  echo "patchbay: applying the reviewed plan $plan_file" >&2
  # PATH and --env come from the plan file; PATCHBAY_ARGS carries only connection options here.
  args=()
  if [ -n "${PATCHBAY_ARGS:-}" ]; then read -r -a args <<< "$PATCHBAY_ARGS"; fi
  set +e
  "$patchbay" apply --plan "$plan_file" "${args[@]}" 2>&1 | tee "$out/apply.log"
  status=${PIPESTATUS[0]}
  set -e
elif [ "${PATCHBAY_APPLY_UNREVIEWED:-false}" = true ]; then
  echo "patchbay: no reviewed plan; PATCHBAY_APPLY_UNREVIEWED=true, so planning afresh and applying" >&2
  set +e
  "$patchbay" apply "$manifests" --auto-approve "${common_args[@]}" 2>&1 | tee "$out/apply.log"
  status=${PIPESTATUS[0]}
  set -e
else
  echo "patchbay: no reviewed plan at $plan_file; nothing applied." >&2
  how="the workflow's 'unreviewed' input"
  if [ "$forge" = gitlab ]; then how="a variable of a pipeline run by hand"; fi
  echo "  Re-run with PATCHBAY_APPLY_UNREVIEWED=true ($how) to apply the manifests as they are." >&2
  exit 1
fi
set_output exit_code "$status"
exit "$status"
