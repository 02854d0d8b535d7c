#!/usr/bin/env bash
# Fault: kill -9 of Milieu during writes. Promise: every write Milieu acknowledged (201) is in
# the database after the next start (0 lost), the next start recovers the embedded PostgreSQL by
# itself, no request got a 500, and the audit chain verifies.
#
# Starts Milieu on a fresh scratch data directory, runs bench/faults/writers.py (8 writers
# recording observation checks, each acknowledged id written to a file at once), kills the JVM
# with SIGKILL once some hundreds of writes are acknowledged, notes what became of the embedded
# PostgreSQL (it is not a child of the JVM: pg_ctl starts it as a daemon, so it outlives the kill
# with its connections dropped), starts Milieu again on the same directory, and counts.
# Usage: bench/faults/kill9.sh [--port 18210] [--data /tmp/faults-kill9] [--acks 300]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port=18210; data=/tmp/faults-kill9; acks=300
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=$2; shift 2 ;; --data) data=$2; shift 2 ;; --acks) acks=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
rm -rf "$data"; mkdir -p "$data"
log="$data/milieu.log"; acked="$data/acked.txt"; : >"$acked"
failed=0
check() { if [ "$2" = yes ]; then echo "  PASS  $1"; else echo "  FAIL  $1"; failed=1; fi; }

echo "== kill -9 of Milieu during writes"
start_milieu "$data/app" "$port" "$log"; pid=$MILIEU_PID
wait_up "$port" "$pid"
python3 "$(dirname "$0")/writers.py" --base "http://localhost:$port" --acked "$acked" --seconds 300 >"$data/writers.out" 2>&1 &
writers=$!
t0=$SECONDS
until [ "$(wc -l <"$acked")" -ge "$acks" ]; do
  kill -0 $writers 2>/dev/null || { echo "the writers stopped early:"; cat "$data/writers.out"; exit 1; }
  [ $((SECONDS - t0)) -lt 300 ] || { echo "fewer than $acks writes acknowledged in 300 s"; exit 1; }
  sleep 0.2
done
pgpid=$(pg_pid "$data/app")
kill -9 "$pid"
killed_at=$SECONDS
echo "  killed the JVM (pid $pid) with SIGKILL after $(wc -l <"$acked") acknowledged writes"
wait $writers || true
acked_n=$(wc -l <"$acked")
statuses=$(tail -n 1 "$data/writers.out")
echo "  writers' answers: $statuses (a connection error is no answer: not acknowledged)"
if kill -0 "$pgpid" 2>/dev/null; then
  echo "  the embedded PostgreSQL (pid $pgpid) outlived the JVM: $(ps -o ppid= -p "$pgpid" | tr -d ' ') is its parent (init), its connections closed"
else
  echo "  the embedded PostgreSQL (pid $pgpid) ended with the JVM"
fi

start_milieu "$data/app" "$port" "$log"; pid=$MILIEU_PID
wait_up "$port" "$pid"
echo "  Milieu up again $((SECONDS - killed_at)) s after the kill"
grep -q "left running" "$log" && echo "  the new start stopped the server left running: $(grep -o 'Stopping a PostgreSQL server.*' "$log" | head -1)"
pgport=$(pg_port "$data/app")
present=$(psql -X -q -h localhost -p "$pgport" -U postgres -d milieu -At \
  -c "create temp table acked (id uuid primary key)" -c "\\copy acked from '$acked'" \
  -c "select count(*) from acked a join levels_observation o on o.id = a.id")
written=$(sql "$pgport" "select count(*) from levels_observation where activity like 'writer % check %'")
verification=$(FAULTS_BENCH="$root/bench" audit_verification "$port")
echo "  acknowledged writes: $acked_n; present after the restart: $present; lost: $((acked_n - present))"
echo "  checks in the database: $written (beyond the acknowledged: $((written - acked_n)), committed while their answer was lost in the kill)"
echo "  audit chain after the restart: $verification"
check "0 acknowledged writes lost ($present of $acked_n present)" "$([ "$present" = "$acked_n" ] && echo yes || echo no)"
check "no 500 answered to the writers" "$(echo "$statuses" | grep -q '"500"' && echo no || echo yes)"
check "unacknowledged but committed writes at most one per writer ($((written - acked_n)) of 8)" \
  "$([ $((written - acked_n)) -ge 0 ] && [ $((written - acked_n)) -le 8 ] && echo yes || echo no)"
check "the audit chain verifies" "$(echo "$verification" | grep -q '"intact":true' && echo yes || echo no)"
stop_milieu "$pid"
exit $failed
