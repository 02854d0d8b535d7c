#!/usr/bin/env bash
# Start-up time of the packaged jar on an already initialised embedded database: from process
# start until /actuator/health says UP. Runs N times (default 5) and prints each and the median.
# Usage: ./mvnw -B -DskipTests package && bench/startup.sh [runs]
set -euo pipefail
runs=${1:-5}
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=18080
trap 'rm -rf "$data"' EXIT
start_once() {
  local t0 t1 pid
  t0=$(date +%s.%N)
  MILIEU_DATA_DIR="$data" java -jar target/milieu.jar --server.port=$port >"$data/run.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $pid 2>/dev/null || { tail -n 30 "$data/run.log"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
echo "first start (initialises the database and seeds the demo community): $(start_once) s"
times=()
for i in $(seq 1 "$runs"); do times+=("$(start_once)"); echo "start $i: ${times[-1]} s"; done
printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "median of %d starts with an initialised database: %.2f s\n", NR, v[int((NR+1)/2)] }'
