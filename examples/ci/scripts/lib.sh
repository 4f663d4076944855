# shellcheck shell=bash disable=SC2034,SC2016  # SC2016: jq filters are single-quoted on purpose
# Shared by the Patchbay CI scripts (sourced, not run). Settings, all optional:
#   PATCHBAY            the patchbay binary (default: patchbay on PATH)
#   PATCHBAY_MANIFESTS  manifest file or directory (default: .)
#   PATCHBAY_ENV        environment from the manifests' 'environments:' (default: none)
#   PATCHBAY_ARGS       extra arguments for plan/apply, split on spaces (e.g. "--refresh fast")
#   PATCHBAY_OUT        where the scripts write their files (default: patchbay-out)
#   PATCHBAY_FORGE      github or gitlab: where comments, issues and saved plans live (below)

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
# comments and issue bodies hold at most 65,536 characters; GitLab notes 1,000,000).
at_most() {
  local size where="the workflow run's artifact"
  size=$(wc -c < "$1")
  if [ "$size" -le "$2" ]; then cat "$1"; return; fi
  if [ "$forge" = gitlab ]; then where="the job's artifacts"; fi
  head -c "$2" "$1" | sed '$d'
  printf '\n\n</details>\n\n> **Cut:** the plan is %s bytes, too long to show here in full; the whole plan is in %s.\n' "$size" "$where"
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

# The forge the scripts talk to for comments, issues and saved plans: PATCHBAY_FORGE
# (github or gitlab); by default gitlab inside GitLab CI (GITLAB_CI=true), else github.
#   github: the gh CLI (GH_TOKEN) and GITHUB_REPOSITORY
#   gitlab: curl and jq against the REST API v4: CI_API_V4_URL and CI_PROJECT_ID (GitLab CI
#           sets both) and GITLAB_API_TOKEN (a project access token with api scope, sent as
#           the PRIVATE-TOKEN header: https://docs.gitlab.com/ee/api/rest/#authentication)
if [ -n "${PATCHBAY_FORGE:-}" ]; then forge=$PATCHBAY_FORGE
elif [ "${GITLAB_CI:-}" = true ]; then forge=gitlab
else forge=github
fi
case $forge in
  github|gitlab) ;;
  *) echo "patchbay: PATCHBAY_FORGE must be github or gitlab, not '$forge'" >&2; exit 1 ;;
esac

github_repo() { echo "${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"; }

# curl against the GitLab project's API: gitlab_curl PATH [curl arguments...], PATH below
# /projects/:id/. Fails on an HTTP error; --globoff so that scope[]=... is sent as it is;
# --location as the docs ask for artifact downloads (they may redirect through a CDN).
gitlab_curl() {
  local path=$1; shift
  curl -fsS --globoff --location -H "PRIVATE-TOKEN: ${GITLAB_API_TOKEN:?GITLAB_API_TOKEN is not set}" "$@" \
    "${CI_API_V4_URL:?CI_API_V4_URL is not set}/projects/${CI_PROJECT_ID:?CI_PROJECT_ID is not set}/$path"
}

# gitlab_api METHOD PATH [jq args...]: with jq arguments, the JSON body is what the jq filter
# (the last one) builds. Prints the response.
gitlab_api() {
  local method=$1 path=$2; shift 2
  if [ $# -gt 0 ]; then
    jq -n "$@" | gitlab_curl "$path" -X "$method" -H "Content-Type: application/json" --data-binary @-
  else
    gitlab_curl "$path" -X "$method"
  fi
}

# Every page of a GitLab list (GET PATH, with its query) as one JSON array. GitLab gives at
# most 100 items a page and names the next page in X-Next-Page, empty on the last one
# (https://docs.gitlab.com/ee/api/rest/#pagination).
gitlab_list() {
  local path=$1 sep='?' page=1 pages=0 tmp status=0
  case $path in *\?*) sep='&' ;; esac
  tmp=$(mktemp -d)
  while [ -n "$page" ] && [ "$pages" -lt 100 ]; do
    gitlab_curl "$path${sep}per_page=100&page=$page" -D "$tmp/headers" >> "$tmp/pages" || { status=$?; break; }
    page=$(tr -d '\r' < "$tmp/headers" | sed -n 's/^[Xx]-[Nn]ext-[Pp]age: *\([0-9]*\).*/\1/p' | tail -n 1)
    pages=$((pages + 1))
  done
  if [ "$status" -eq 0 ]; then jq -s 'add // []' "$tmp/pages" || status=$?; fi
  rm -rf "$tmp"
  return "$status"
}

uri() { jq -rn --arg v "$1" '$v | @uri'; }

# The drift issue on either forge (GitHub issues API / GitLab issues and notes API:
# https://docs.gitlab.com/ee/api/issues.html, https://docs.gitlab.com/ee/api/notes.html).
# issue_find LABEL MARKER: the number of the open issue with LABEL whose description starts
# with MARKER, or nothing.
issue_find() {
  case $forge in
    github) gh api "repos/$(github_repo)/issues?state=open&labels=$1&per_page=100" \
              --jq "[.[] | select(.body != null and (.body | startswith(\"$2\")))][0].number // empty" ;;
    # GET /projects/:id/issues?state=opened&labels=...
    gitlab) gitlab_list "issues?state=opened&labels=$(uri "$1")" |
              jq -r --arg m "$2" '[.[] | select(.description != null and (.description | startswith($m)))][0].iid // empty' ;;
  esac
}

# issue_open TITLE LABEL BODY_FILE: opens the issue, prints its number.
issue_open() {
  case $forge in
    github) gh_api POST "repos/$(github_repo)/issues" --arg title "$1" --arg name "$2" --rawfile body "$3" \
              '{title: $title, body: $body, labels: [$name]}' | jq -r .number ;;
    # POST /projects/:id/issues (labels: comma-separated names)
    gitlab) gitlab_api POST issues --arg title "$1" --arg labels "$2" --rawfile description "$3" \
              '{title: $title, description: $description, labels: $labels}' | jq -r .iid ;;
  esac
}

# issue_description NUMBER: the issue's description as it is now.
issue_description() {
  case $forge in
    github) gh api "repos/$(github_repo)/issues/$1" --jq .body ;;
    gitlab) gitlab_api GET "issues/$1" | jq -r .description ;;  # GET /projects/:id/issues/:issue_iid
  esac
}

# issue_edit NUMBER BODY_FILE: replaces the description.
issue_edit() {
  case $forge in
    github) gh_api PATCH "repos/$(github_repo)/issues/$1" --rawfile body "$2" '{body: $body}' > /dev/null ;;
    gitlab) gitlab_api PUT "issues/$1" --rawfile description "$2" '{description: $description}' > /dev/null ;;  # PUT /projects/:id/issues/:issue_iid
  esac
}

# issue_comment NUMBER TEXT: a comment (GitLab: a note) on the issue.
issue_comment() {
  case $forge in
    github) gh_api POST "repos/$(github_repo)/issues/$1/comments" --arg body "$2" '{body: $body}' > /dev/null ;;
    gitlab) gitlab_api POST "issues/$1/notes" --arg body "$2" '{body: $body}' > /dev/null ;;  # POST /projects/:id/issues/:issue_iid/notes
  esac
}

# issue_close NUMBER
issue_close() {
  case $forge in
    github) gh_api PATCH "repos/$(github_repo)/issues/$1" '{state: "closed", state_reason: "completed"}' > /dev/null ;;
    gitlab) gitlab_api PUT "issues/$1" '{state_event: "close"}' > /dev/null ;;  # PUT /projects/:id/issues/:issue_iid
  esac
}
