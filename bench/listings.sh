#!/usr/bin/env bash
# The listings at scale: a page of 50 with 1,500 residents in 50 houses and a year of history.
# Fills the program as bench/census.sh does (run it first, or this script runs it), then adds a
# year of history: a weekly meeting per house (2,600 meetings), a published roster per week with
# every resident in a house on a bench job (78,000 job assignments), four decided level reviews per
# resident (6,000) and 500 discharged former residents. Then times, as the demo director, the first
# page (limit 50) of GET /api/v1/meetings, /api/v1/resident-records (ALL and DISCHARGED),
# /api/v1/level-reviews?status=all and /api/v1/job-assignments, and a next page of each (the
# cursor from the first). Prints the median and p95 of 40 calls after 5 warm-up calls, as
# census.sh does; GET /api/v1/houses is the baseline. Target: p95 <= 20 ms per page.
# Use a scratch data directory, not your demo's:
#   MILIEU_DATA_DIR=target/bench-data ./mvnw spring-boot:run     (in another terminal)
#   bench/listings.sh http://localhost:8080 target/bench-data
# Needs psql and curl.
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-target/bench-data}
here=$(cd "$(dirname "$0")" && pwd)
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
psqlo() { psql -h localhost -p "$pgport" -U postgres -d milieu -v ON_ERROR_STOP=1 -qAt "$@"; }
program=$(psqlo -c "select id from platform_program order by name limit 1")
open=$(psqlo -c "select count(*) from residents_stay where program_id = '$program' and discharged_on is null")
if [ "$open" -lt 1500 ]; then
  "$here/census.sh" "$base" "$data" >/dev/null
fi
if [ "$(psqlo -c "select count(*) from government_meeting where title = 'Bench weekly meeting'")" -eq 0 ]; then
  echo "adding a year of history ..."
  psqlo -1 <<SQL
insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
select gen_random_uuid(), h.program_id, h.id, 'REGULAR', 'Bench weekly meeting',
       now() - make_interval(weeks => w), 'CLOSED', 'director', now() - make_interval(weeks => w + 1)
  from residents_house h cross join generate_series(1, 52) w
 where h.program_id = '$program' and h.name like 'Bench House %';
insert into work_job (id, program_id, name, min_level, crew_size, days, starts_at, expected_minutes, rate_cents,
                      rate_unit, currency, supervisor, classification, beneficiary, created_by, created_at)
values (gen_random_uuid(), '$program', 'Bench chores', 1, 50, '{1,3,5}', '09:00', 30, 100, 'PER_COMPLETION', 'USD',
        'staff', 'THERAPEUTIC_CHORE', 'the house', 'director', now());
insert into work_roster (id, program_id, week_start, status, created_by, created_at, published_by, published_at)
select gen_random_uuid(), '$program', date_trunc('week', current_date)::date - 7 * w, 'SUPERSEDED', 'director', now(), null, null
  from generate_series(1, 52) w;
insert into work_assignment (id, program_id, roster_id, job_id, resident_id, house_id, rate_cents, rate_unit, currency,
                             expected_minutes, created_at)
select gen_random_uuid(), '$program', r.id, j.id, s.resident_id, s.house_id, 100, 'PER_COMPLETION', 'USD', 30, now()
  from work_roster r
  join work_job j on j.name = 'Bench chores' and j.program_id = '$program'
  join residents_stay s on s.program_id = '$program' and s.discharged_on is null
  join residents_house h on h.id = s.house_id and h.name like 'Bench House %'
 where r.program_id = '$program' and r.created_by = 'director' and r.status = 'SUPERSEDED';
insert into levels_review (id, program_id, resident_id, kind, from_level, proposed_level, status, opened_at, opened_by,
                           findings, decision, new_level, rationale, decided_by, decided_at)
select gen_random_uuid(), '$program', s.resident_id, 'ADVANCEMENT', 1, 2, 'DECIDED',
       now() - make_interval(days => 90 * q), 'director', '[]', 'HOLD', 1, 'Bench', 'director', now() - make_interval(days => 90 * q - 1)
  from residents_stay s join residents_house h on h.id = s.house_id and h.name like 'Bench House %'
  cross join generate_series(1, 4) q
 where s.program_id = '$program' and s.discharged_on is null;
with people as (
  insert into residents_resident (id, program_id, given_name, family_name, birth_date)
  select gen_random_uuid(), '$program', 'Former', 'Bench ' || n, date '1980-01-01' + n from generate_series(1, 500) n
  returning id
), beds as (
  select p.id as resident_id, b.id as bed_id, b.house_id, row_number() over () as n
    from people p cross join lateral (select b.id, b.house_id from residents_bed b join residents_house h on h.id = b.house_id
                                        where h.name = 'Bench House 01' limit 1) b
)
insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on, discharged_on, discharge_type,
                            discharged_by)
select gen_random_uuid(), '$program', resident_id, house_id, bed_id, current_date - 300 - (n % 60)::int,
       current_date - 200 + (n % 180)::int, 'COMPLETED', 'director'
  from beds;
SQL
  psqlo -c "analyze" >/dev/null
fi
echo "meetings: $(psqlo -c "select count(*) from government_meeting")," \
     "job assignments: $(psqlo -c "select count(*) from work_assignment")," \
     "level reviews: $(psqlo -c "select count(*) from levels_review")," \
     "residents on record: $(psqlo -c "select count(*) from residents_resident")"
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
next_of() { # url -> the next link of its first page
  curl -s -b "$jar" "$1" | grep -o '"next":"[^"]*"' | cut -d'"' -f4
}
echo "baseline: GET /api/v1/houses: $(time_page "$base/api/v1/houses")"
for path in "/api/v1/meetings?limit=50" "/api/v1/resident-records?status=ALL&limit=50" \
            "/api/v1/resident-records?status=DISCHARGED&limit=50" "/api/v1/level-reviews?status=all&limit=50" \
            "/api/v1/job-assignments?limit=50"; do
  echo "GET $path, first page: $(time_page "$base$path")"
  next=$(next_of "$base$path")
  echo "  next page:            $(time_page "$base$next")"
done
