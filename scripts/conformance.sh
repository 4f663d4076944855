#!/usr/bin/env bash
# Wire-compatibility check of the Connect emulator against independent clients
# (boto3/botocore and the AWS CLI). CI runs it from the repo root after `swift build`.
#   scripts/conformance.sh            uses .build/debug/patchbay
#   PATCHBAY=path scripts/conformance.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${PATCHBAY:-.build/debug/patchbay}"
if [ ! -x "$BIN" ]; then
  echo "conformance: $BIN not found; run 'swift build' first" >&2
  exit 1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/patchbay-conformance.XXXXXX")"
STATE="$WORK/state.json"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# start_emulator NAME ARGS... : starts one emulator in the background, waits for its
# "listening on URL" line and sets URL_<NAME>, IID_<NAME>, PID_<NAME>.
start_emulator() {
  local name="$1"; shift
  local out="$WORK/$name.out"
  "$BIN" emulator --port 0 "$@" >"$out" 2>"$WORK/$name.err" &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 600); do
    if [ "$(wc -l <"$out")" -ge 2 ]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "conformance: emulator $name exited early:" >&2
      cat "$WORK/$name.err" >&2
      exit 1
    fi
    sleep 0.05
  done
  local first
  first="$(head -n 1 "$out")"
  case "$first" in
    "listening on http://"*) ;;
    *) echo "conformance: unexpected first line from emulator $name: '$first'" >&2; exit 1 ;;
  esac
  printf -v "URL_$name" '%s' "${first#listening on }"
  printf -v "IID_$name" '%s' "$(sed -n 2p "$out")"
  printf -v "PID_$name" '%s' "$pid"
}

start_emulator main --state "$STATE" --request-log "$WORK/requests.jsonl"
start_emulator throttled --throttle 2:5
start_emulator faulty --fault-rate 0.5 --seed 11

export AWS_EC2_METADATA_DISABLED=true
PHASE1=0
python3 scripts/conformance/run.py phase1 \
  --endpoint "$URL_main" --instance-id "$IID_main" \
  --throttle-endpoint "$URL_throttled" --throttle-instance-id "$IID_throttled" \
  --fault-endpoint "$URL_faulty" --fault-instance-id "$IID_faulty" \
  --state-file "$STATE" --request-log "$WORK/requests.jsonl" --results "$WORK/results.json" || PHASE1=$?
if [ ! -s "$WORK/results.json" ]; then
  echo "conformance: phase 1 did not finish" >&2
  exit 1
fi

# Persistence: stop the first emulator (SIGTERM: clean shutdown), start a new one on the
# same state file, and check that what phase 1 created is still there.
kill -TERM "$PID_main"
STATUS=0
wait "$PID_main" || STATUS=$?
if [ "$STATUS" -ne 0 ]; then
  echo "conformance: emulator exited with status $STATUS on SIGTERM (expected a clean shutdown, 0)" >&2
  exit 1
fi
start_emulator restarted --state "$STATE"
if [ "$IID_restarted" != "$IID_main" ]; then
  echo "conformance: restarted emulator serves $IID_restarted, expected $IID_main" >&2
  exit 1
fi
python3 scripts/conformance/run.py phase2 \
  --endpoint "$URL_restarted" --instance-id "$IID_restarted" --state-file "$STATE" --results "$WORK/results.json" \
  --binary "$BIN" --work "$WORK"
exit $(( PHASE1 != 0 ))
