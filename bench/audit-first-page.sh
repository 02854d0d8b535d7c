#!/usr/bin/env bash
# First page of the audit trail over 1,000,000 rows. Fills the audit trail of a running Milieu
# on its embedded database (default data dir ./.milieu) up to N rows (default 1,000,000) through
# the real chaining trigger, then times GET /api/v1/audit-events as the demo director: the
# unfiltered first page and the first page filtered by a resident. Prints medians of 20 calls.
# Needs psql and curl. Usage: bench/audit-first-page.sh [base-url] [rows] [data-dir]
set -euo pipefail
base=${1:-http://localhost:8080}
rows=${2:-1000000}
data=${3:-.milieu}
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
psqlc() { psql -h localhost -p "$pgport" -U milieu_app -d milieu -v ON_ERROR_STOP=1 -qAt "$@"; }
have=$(psqlc -c "select count(*) from audit_event")
if [ "$have" -lt "$rows" ]; then
  missing=$((rows - have))
  echo "adding $missing audit rows through the chain's audit_append (this takes a while) ..."
  t0=$(date +%s)
  # in transactions of 1,000 rows, as the application's role: like the application, which writes a
  # few rows per transaction (each row updates the chain head, so huge transactions are slow)
  sqlfile=$(mktemp)
  while [ "$missing" -gt 0 ]; do
    batch=$(( missing < 1000 ? missing : 1000 ))
    echo "select audit_append(array_agg(a.program_id::text), array_agg(a.id::text), array_agg(a.username),
                array_agg('STAFF'::text), array_agg(r.id::text), array_agg('DEMOGRAPHICS'::text), array_agg('Resident'::text),
                array_agg(r.id::text), array_agg('READ'::text), array_agg('NORMAL'::text), array_agg('127.0.0.1'::text),
                array_agg('bench'::text), array_agg('SUCCESS'::text), array_agg(null::text))
                from generate_series(1, $batch) g
                join lateral (select id, username, program_id from identity_account order by id offset (g % 8) limit 1) a on true
                join lateral (select id from residents_resident order by id offset (g % 24) limit 1) r on true;" >> "$sqlfile"
    missing=$((missing - batch))
  done
  psqlc -f "$sqlfile" >/dev/null
  rm -f "$sqlfile"
  echo "filled in $(( $(date +%s) - t0 )) s"
fi
psql -h localhost -p "$pgport" -U postgres -d milieu -qAt -c "analyze audit_event"
echo "audit rows: $(psqlc -c 'select count(*) from audit_event')"
resident=$(psqlc -c "select id from residents_resident order by id limit 1")
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=director --data-urlencode password=milieu-demo \
  --data-urlencode "_csrf=$csrf" "$base/login"
time_page() { # url -> median ms of 20 calls after 3 warm-up calls
  for _ in 1 2 3; do curl -s -o /dev/null -b "$jar" "$1"; done
  for _ in $(seq 1 20); do curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$1"; done |
    awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { print $2 * 1000 }' | sort -n |
    awk '{ v[NR] = $1 } END { printf "median %.1f ms  max %.1f ms\n", v[int((NR+1)/2)], v[NR] }'
}
echo "first page, no filter (50 rows):   $(time_page "$base/api/v1/audit-events?limit=50")"
echo "first page, one resident (50 rows): $(time_page "$base/api/v1/audit-events?limit=50&residentId=$resident")"
echo "first page, action READ (50 rows):  $(time_page "$base/api/v1/audit-events?limit=50&action=READ")"
