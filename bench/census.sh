#!/usr/bin/env bash
# The live census at scale: 50 houses and 1,500 residents. Adds houses "Bench House 01.." with
# 32 beds each and fills their beds with invented residents until the program has 50 houses and
# 1,500 residents with open stays, then times, as the demo director, GET /api/v1/census (counts
# and ratios per house), GET /api/v1/residents (every resident, each read passing the access
# policy and written to the audit trail), and the census page /residents (the bed board: level,
# days, pass and flags per resident, each category audited), all houses and then one. Prints the
# median and p95 of 40 calls after 5 warm-up calls; the server's own time is close to curl's on
# loopback. GET /api/v1/houses, timed in the same run, is the baseline: the cost of any signed-in
# API call on this machine at this moment.
# Use a scratch data directory, not your demo's:
#   MILIEU_DATA_DIR=target/bench-data ./mvnw spring-boot:run     (in another terminal)
#   bench/census.sh http://localhost:8080 target/bench-data
# Needs psql and curl.
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-target/bench-data}
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
psqlo() { psql -h localhost -p "$pgport" -U postgres -d milieu -v ON_ERROR_STOP=1 -qAt "$@"; }
program=$(psqlo -c "select id from platform_program order by name limit 1")
houses=$(psqlo -c "select count(*) from residents_house where program_id = '$program'")
if [ "$houses" -lt 50 ]; then
  echo "adding $((50 - houses)) houses with 32 beds each ..."
  psqlo <<SQL
insert into residents_house (id, program_id, name, kind)
select gen_random_uuid(), '$program', 'Bench House ' || lpad(g::text, 2, '0'), 'MIXED'
  from generate_series(1, 50 - $houses) g;
SQL
fi
# 32 beds in each bench house that has none yet (also after a run that stopped between the two)
psqlo <<SQL
insert into residents_bed (id, program_id, house_id, room, label)
select gen_random_uuid(), h.program_id, h.id, ((b + 1) / 2)::text, b::text
  from residents_house h cross join generate_series(1, 32) b
 where h.name ~ '^Bench House [0-9]{2}$' and not exists (select 1 from residents_bed x where x.house_id = h.id);
SQL
open=$(psqlo -c "select count(*) from residents_stay where program_id = '$program' and discharged_on is null")
if [ "$open" -lt 1500 ]; then
  echo "admitting $((1500 - open)) invented residents to free beds ..."
  psqlo <<SQL
with free as (
  select b.id as bed_id, b.house_id, row_number() over (order by b.house_id, b.label) as n
    from residents_bed b join residents_house h on h.id = b.house_id
   where h.name ~ '^Bench House [0-9]{2}$'
     and not exists (select 1 from residents_stay s where s.bed_id = b.id and s.discharged_on is null)
   limit 1500 - $open
), people as (
  insert into residents_resident (id, program_id, given_name, family_name, birth_date)
  select gen_random_uuid(), '$program', 'Bench', 'Resident ' || n, date '1980-01-01' + (n % 7000)::int from free
  returning id, family_name
)
insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on)
select gen_random_uuid(), '$program', p.id, f.house_id, f.bed_id, current_date - (f.n % 200)::int
  from free f join people p on p.family_name = 'Resident ' || f.n;
SQL
fi
psqlo -c "analyze" >/dev/null
echo "houses: $(psqlo -c "select count(*) from residents_house where program_id = '$program'")," \
     "residents in the program: $(psqlo -c "select count(*) from residents_stay where program_id = '$program' and discharged_on is null")"
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=director --data-urlencode password=milieu-demo \
  --data-urlencode "_csrf=$csrf" "$base/login"
time_page() { # url -> median and p95 ms of 40 calls after 5 warm-up calls
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$1"; done
  for _ in $(seq 1 40); do curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$1"; done |
    awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { print $2 * 1000 }' | sort -n |
    awk '{ v[NR] = $1 } END { printf "median %.1f ms  p95 %.1f ms  max %.1f ms\n", v[int((NR+1)/2)], v[int(NR*0.95+0.5)], v[NR] }'
}
echo "baseline: GET /api/v1/houses (50 houses, no staffing): $(time_page "$base/api/v1/houses")"
echo "GET /api/v1/census    (50 houses):       $(time_page "$base/api/v1/census")"
echo "GET /api/v1/residents (1,500 residents): $(time_page "$base/api/v1/residents")"
echo "GET /residents, the census page (1,500): $(time_page "$base/residents")"
one=$(psqlo -c "select id from residents_house where name = 'Bench House 01'")
echo "GET /residents?house=…, one house (32):  $(time_page "$base/residents?house=$one")"
