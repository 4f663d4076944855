# shellcheck shell=bash disable=SC2034
# Shared by the Patchbay CI scripts (sourced, not run). Settings, all optional:
#   PATCHBAY            the patchbay binary (default: patchbay on PATH)
#   PATCHBAY_MANIFESTS  manifest file or directory (default: .)
#   PATCHBAY_ENV        environment from the manifests' 'environments:' (default: none)
#   PATCHBAY_ARGS       extra arguments for plan/apply, split on spaces (e.g. "--refresh fast")
#   PATCHBAY_OUT        where the scripts write their files (default: patchbay-out)

patchbay=${PATCHBAY:-patchbay}
manifests=${PATCHBAY_MANIFESTS:-.}
out=${PATCHBAY_OUT:-patchbay-out}
environment_name=${PATCHBAY_ENV:-}
mkdir -p "$out"

# Arguments shared by plan and apply: --env and PATCHBAY_ARGS.
common_args=()
if [ -n "$environment_name" ]; then common_args+=(--env "$environment_name"); fi
if [ -n "${PATCHBAY_ARGS:-}" ]; then
  read -r -a extra_args <<< "$PATCHBAY_ARGS"
  common_args+=("${extra_args[@]}")
fi

# Writes key=value to the step's outputs in GitHub Actions; a no-op elsewhere.
set_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >> "$GITHUB_OUTPUT"; fi
}

# Turns GitHub workflow commands (::error file=F,line=L,col=C::message) back into
# F:L:C: error: message, for text meant to be read (a comment, an issue).
readable_log() {
  sed -E \
    -e 's/^::(error|warning|notice) file=([^,]*),line=([0-9]+),col=([0-9]+)::/\2:\3:\4: \1: /' \
    -e 's/^::(error|warning|notice) file=([^,]*)::/\2: \1: /' \
    -e 's/^::(error|warning|notice)::/\1: /' \
    -e 's/%0A/\n    /g; s/%0D//g; s/%3A/:/g; s/%2C/,/g; s/%25/%/g' "$1"
}

# Prints at most $2 bytes of file $1, cut at a line end, with a note when cut (GitHub
# comments and issue bodies hold at most 65,536 characters).
at_most() {
  local size
  size=$(wc -c < "$1")
  if [ "$size" -le "$2" ]; then cat "$1"; return; fi
  head -c "$2" "$1" | sed '$d'
  printf '\n\n</details>\n\n> **Cut:** the plan is %s bytes, too long to show here in full; the whole plan is in the workflow run'"'"'s artifact.\n' "$size"
}

# The line that identifies this recipe's comment or issue, per environment.
marker() { echo "<!-- patchbay-$1: ${environment_name:-default} -->"; }

# gh api with a JSON body built by jq: gh_api METHOD PATH [jq args...] (body from the jq filter last).
gh_api() {
  local method=$1 path=$2; shift 2
  jq -n "$@" | gh api --method "$method" "$path" --input -
}

# A link to this workflow run, when there is one.
run_link() {
  if [ -n "${GITHUB_RUN_ID:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ]; then
    echo "${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}"
  elif [ -n "${CI_JOB_URL:-}" ]; then
    echo "$CI_JOB_URL"
  fi
}
