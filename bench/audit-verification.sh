#!/usr/bin/env bash
# Audit chain verification at scale: the full walk against the walk from the latest signed checkpoint.
# Fills the trail of a scratch install to ROWS audit rows through the chain's audit_append (100,000 per
# statement), takes a checkpoint as the demo director (POST /api/v1/audit/checkpoints), adds AFTER
# more rows, then times GET /api/v1/audit/verification (every row) and
# GET /api/v1/audit/verification/since-checkpoint (the rows since), three times each, and prints
# the times and what each answered.
# Use a scratch data directory, not your demo's:
#   MILIEU_DATA_DIR=target/bench-data java -jar target/milieu.jar     (in another terminal)
#   bench/audit-verification.sh http://localhost:8080 target/bench-data 1000000 10000
# Needs psql, curl and python3.
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-target/bench-data}
rows=${3:-1000000}
after=${4:-10000}
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
psqlc() { psql -h localhost -p "$pgport" -U postgres -d milieu -v ON_ERROR_STOP=1 -qAt "$@"; }
fill() {
  local missing=$1
  while [ "$missing" -gt 0 ]; do
    local batch=$(( missing < 100000 ? missing : 100000 ))
    psqlc -c "select audit_append(array_agg(a.program_id::text), array_agg(a.id::text), array_agg(a.username),
                array_agg('STAFF'::text), array_agg(r.id::text), array_agg('DEMOGRAPHICS'::text), array_agg('Resident'::text),
                array_agg(r.id::text), array_agg('READ'::text), array_agg('NORMAL'::text), array_agg('127.0.0.1'::text),
                array_agg('bench'::text), array_agg('SUCCESS'::text), array_agg(null::text))
                from generate_series(1, $batch) g
                join lateral (select id, username, program_id from identity_account order by id offset (g % 8) limit 1) a on true
                join lateral (select id from residents_resident order by id offset (g % 24) limit 1) r on true" >/dev/null
    missing=$((missing - batch))
  done
}
have=$(psqlc -c "select count(*) from audit_event")
if [ "$have" -lt "$rows" ]; then
  echo "adding $((rows - have)) audit rows through the chain's audit_append ..."
  t0=$(date +%s); fill $((rows - have)); echo "filled in $(( $(date +%s) - t0 )) s"
fi
psqlc -c "vacuum analyze audit_event"
cookie=$(mktemp); csrf_page=$(curl -s -c "$cookie" "$base/login")
csrf=$(echo "$csrf_page" | grep -o 'name="_csrf" value="[^"]*"' | cut -d'"' -f4)
curl -s -b "$cookie" -c "$cookie" -o /dev/null --data-urlencode username=director --data-urlencode password=milieu-demo \
     --data-urlencode "_csrf=$csrf" "$base/login"
curl -s -b "$cookie" -c "$cookie" -o /dev/null "$base/api/v1/houses"
xsrf=$(grep XSRF-TOKEN "$cookie" | awk '{print $7}')
echo "checkpoint: $(curl -s -b "$cookie" -X POST -H "X-XSRF-TOKEN: $xsrf" -H 'Accept: application/json' "$base/api/v1/audit/checkpoints")"
fill "$after"
echo "audit rows: $(psqlc -c 'select count(*) from audit_event'), of which written since the checkpoint: $after or more"
for what in verification verification/since-checkpoint; do
  for i in 1 2 3; do
    out=$(curl -s -b "$cookie" -w ' %{time_total}' -H 'Accept: application/json' "$base/api/v1/audit/$what")
    echo "GET /api/v1/audit/$what: ${out##* } s  ${out% *}"
  done
done
rm -f "$cookie"
