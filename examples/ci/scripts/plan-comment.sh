#!/usr/bin/env bash
# Pull-request plan. Runs `patchbay plan --format markdown --out plan.json --detailed-exitcode`
# and writes, in $PATCHBAY_OUT (default patchbay-out):
#   plan.md     the markdown plan
#   plan.json   the saved plan, for `patchbay apply --plan` on merge
#   plan.log    what patchbay printed on stderr
#   comment.md  the body of the pull request's sticky comment (first line: a marker)
# Exit status: 0 when the plan was made (with or without changes), 1 when it could not be
# (invalid manifests, plan errors, no access): the check fails. In GitHub Actions the problems
# are printed as annotations on the diff lines. Outputs: exit_code (0, 2 or 1), has_changes.
# Settings: see lib.sh. PATCHBAY_COMMIT names the commit planned in the comment.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

set +e
"$patchbay" plan "$manifests" --format markdown --out "$out/plan.json" --detailed-exitcode "${common_args[@]}" \
  > "$out/plan.md" 2> "$out/plan.log"
status=$?
set -e
cat "$out/plan.log" >&2

link=$(run_link)
{
  marker plan
  case $status in
    0|2)
      at_most "$out/plan.md" 60000
      echo
      printf '<sub>Planned%s%s. On merge, apply runs exactly this plan and refuses it if the instance has changed since.</sub>\n' \
        "${PATCHBAY_COMMIT:+ at \`${PATCHBAY_COMMIT:0:12}\`}" "${link:+ in [this run]($link)}"
      ;;
    *)
      echo "### Patchbay plan failed${environment_name:+: \`$environment_name\`}"
      echo
      echo "The plan could not be made${PATCHBAY_COMMIT:+ at \`${PATCHBAY_COMMIT:0:12}\`}; nothing can be applied until this is fixed${link:+ ([run]($link))}."
      echo
      echo '```text'
      readable_log "$out/plan.log" | grep -v '^Saved the plan to ' | head -c 60000
      echo '```'
      ;;
  esac
} > "$out/comment.md"

set_output exit_code "$status"
set_output has_changes "$([ "$status" -eq 2 ] && echo true || echo false)"
case $status in
  0) echo "patchbay: no changes" >&2 ;;
  2) echo "patchbay: changes pending (see the plan comment)" >&2 ;;
  *) echo "patchbay: plan failed (exit $status)" >&2; exit 1 ;;
esac
