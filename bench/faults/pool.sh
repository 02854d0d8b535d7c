#!/usr/bin/env bash
# Fault: the pool exhausted, and refusals by the dozen. Starts Milieu on a fresh scratch data
# directory, runs pool.py (more reads at once than pooled connections, while another session holds
# the lock they need: 503 with Retry-After within seconds, never 500), then bench/refusals.py
# (30 concurrent refused reads beside 10 census readers: the case that used to freeze the program).
# Usage: bench/faults/pool.sh [--port 18230] [--data /tmp/faults-pool]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port=18230; data=/tmp/faults-pool
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=$2; shift 2 ;; --data) data=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
rm -rf "$data"; mkdir -p "$data"
echo "== the pool exhausted"
start_milieu "$data/app" "$port" "$data/milieu.log"; pid=$MILIEU_PID
trap 'stop_milieu $pid' EXIT
wait_up "$port" "$pid"
failed=0
python3 "$(dirname "$0")/pool.py" --base "http://localhost:$port" --pg-port "$(pg_port "$data/app")" || failed=1
echo "  the log said: $(grep -c 'pool exhausted' "$data/milieu.log") x 'Database connection pool exhausted, answering 503', $(grep -c 'past its time limit' "$data/milieu.log") x 'A statement ran past its time limit and was cancelled, answering 503'"
echo "== 30 refused reads at once beside 10 readers, 15 s (bench/refusals.py)"
out=$(python3 "$root/bench/refusals.py" --base "http://localhost:$port" --refusers 30 --readers 10 --seconds 15)
echo "$out" | sed 's/^/  /'
if echo "$out" | grep -q -E "500|Error|Exception|timeout"; then echo "  FAIL  a 500 or a failed call among the refusals"; failed=1
else echo "  PASS  every refusal a 403, every census read a 200, no 500"; fi
exit $failed
