#!/usr/bin/env bash
# Posts BODY_FILE as the pull request's one Patchbay comment: updates the comment that
# starts with the same marker line (the body's first line) or creates it.
# Needs gh (with GH_TOKEN), jq, GITHUB_REPOSITORY and PR_NUMBER.
set -euo pipefail
body=${1:?usage: sticky-comment.sh BODY_FILE}
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}
pr=${PR_NUMBER:?PR_NUMBER is not set}
marker=$(head -n 1 "$body")

id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | sed -n 1p)
if [ -n "$id" ]; then
  jq -n --rawfile body "$body" '{body: $body}' | gh api --method PATCH "repos/$repo/issues/comments/$id" --input - > /dev/null
  echo "updated comment $id on #$pr"
else
  jq -n --rawfile body "$body" '{body: $body}' | gh api --method POST "repos/$repo/issues/$pr/comments" --input - > /dev/null
  echo "commented on #$pr"
fi
