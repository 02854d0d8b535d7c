#!/usr/bin/env bash
# Home page server time over N requests (default 200) to a running Milieu, signed in as the
# demo director. Prints the median and p95 of curl's time to first byte, in milliseconds.
# Usage: bench/home-page.sh [base-url] [requests]
set -euo pipefail
base=${1:-http://localhost:8080}
n=${2:-200}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=director --data-urlencode password=milieu-demo \
  --data-urlencode "_csrf=$csrf" "$base/login"
# warm-up: templates compiled, pools filled, JIT past its first tier
for _ in $(seq 1 50); do curl -s -o /dev/null -b "$jar" "$base/"; done
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_starttransfer}\n' "$base/"
done | awk '$1 != 200 { bad++ } { print $2 * 1000 } END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }' \
  | sort -n | awk '{ v[NR] = $1 } END { printf "requests %d  median %.1f ms  p95 %.1f ms  max %.1f ms\n", NR, v[int(NR*0.5)], v[int(NR*0.95)], v[NR] }'
