#!/usr/bin/env bash
# Posts BODY_FILE as the pull request's (merge request's) one Patchbay comment: updates the
# comment that starts with the same marker line (the body's first line) or creates it.
#   GitHub: gh (with GH_TOKEN), jq, GITHUB_REPOSITORY and PR_NUMBER
#   GitLab: curl, jq, GITLAB_API_TOKEN and CI_MERGE_REQUEST_IID (or PR_NUMBER), see lib.sh;
#           a note on the merge request
# shellcheck disable=SC2016  # jq filters are single-quoted on purpose
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
body=${1:?usage: sticky-comment.sh BODY_FILE}
marker=$(head -n 1 "$body")

if [ "$forge" = gitlab ]; then
  mr=${CI_MERGE_REQUEST_IID:-${PR_NUMBER:?CI_MERGE_REQUEST_IID is not set}}
  # Notes API (https://docs.gitlab.com/ee/api/notes.html#merge-requests), oldest first:
  # GET /projects/:id/merge_requests/:merge_request_iid/notes?sort=asc&order_by=created_at
  id=$(gitlab_list "merge_requests/$mr/notes?sort=asc&order_by=created_at" |
    jq -r --arg m "$marker" '[.[] | select((.system | not) and (.body | startswith($m)))][0].id // empty')
  if [ -n "$id" ]; then
    # PUT /projects/:id/merge_requests/:merge_request_iid/notes/:note_id
    gitlab_api PUT "merge_requests/$mr/notes/$id" --rawfile body "$body" '{body: $body}' > /dev/null
    echo "updated note $id on !$mr"
  else
    # POST /projects/:id/merge_requests/:merge_request_iid/notes
    gitlab_api POST "merge_requests/$mr/notes" --rawfile body "$body" '{body: $body}' > /dev/null
    echo "commented on !$mr"
  fi
  exit 0
fi

repo=$(github_repo)
pr=${PR_NUMBER:?PR_NUMBER is not set}
id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | sed -n 1p)
if [ -n "$id" ]; then
  jq -n --rawfile body "$body" '{body: $body}' | gh api --method PATCH "repos/$repo/issues/comments/$id" --input - > /dev/null
  echo "updated comment $id on #$pr"
else
  jq -n --rawfile body "$body" '{body: $body}' | gh api --method POST "repos/$repo/issues/$pr/comments" --input - > /dev/null
  echo "commented on #$pr"
fi
