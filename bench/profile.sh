#!/usr/bin/env bash
# Resident profile with five years of history. Seeds, once, a resident of a running Milieu on its
# embedded database (default data dir ./.milieu) with ten stays over five years (nine discharged
# with aftercare plans, one open) and a weekly level history (about 260 assignments), in a house
# of its own. Then, signed in as the demo director, times N requests (default 200, after 50
# warm-up requests) of the profile API GET /api/v1/residents/{id} and of the profile page's
# overview, stays and level tabs. Prints the median and p95 of curl's time to first byte, in ms.
# Every request is a real audited read (one audit row each, through the chaining trigger).
# Needs psql and curl. Usage: bench/profile.sh [base-url] [data-dir] [requests]
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-.milieu}
n=${3:-200}
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
psqlc() { psql -h localhost -p "$pgport" -U milieu_app -d milieu -v ON_ERROR_STOP=1 -qAt "$@"; }
house=b0000000-0000-4000-8000-00000000b001
bed=b0000000-0000-4000-8000-00000000b002
resident=b0000000-0000-4000-8000-00000000b003
if [ "$(psqlc -c "select count(*) from residents_resident where id = '$resident'")" = 0 ]; then
  echo "seeding a resident with five years of history ..."
  psqlc <<SQL
begin;
insert into residents_house (id, program_id, name, kind, address)
  select '$house', id, 'Bench House (profile)', 'MIXED', null from platform_program order by id limit 1;
insert into residents_bed (id, program_id, house_id, room, label)
  select '$bed', program_id, '$house', '1', '1' from residents_house where id = '$house';
insert into residents_resident (id, program_id, given_name, family_name, preferred_name, birth_date, pronouns,
                                primary_language, phone, emergency_contact_name, emergency_contact_phone)
  select '$resident', program_id, 'Quinn', 'Longstay', null, date '1975-05-05', 'she/her', 'English', '555-0111',
         'Morgan Longstay', '555-0112' from residents_house where id = '$house';
-- ten stays of about five months, one every half year, from five years ago; the last one open
insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on, discharged_on, discharge_type,
                            discharge_reason, discharged_by, referral_source, funding_source, expected_length_days)
  select gen_random_uuid(), h.program_id, '$resident', '$house', '$bed', current_date - 1825 + i * 182,
         case when i < 9 then current_date - 1825 + i * 182 + 150 end,
         case when i < 9 then (array['COMPLETED', 'AGAINST_ADVICE', 'ADMINISTRATIVE'])[1 + i % 3] end,
         case when i < 9 then 'Stay ' || (i + 1) || ' ended; see the aftercare plan.' end,
         case when i < 9 then 'director' end, 'Self', 'County grant', 180
    from residents_house h, generate_series(0, 9) i where h.id = '$house';
insert into residents_aftercare_plan (stay_id, program_id, living_arrangement, outpatient_appointments, support_meetings,
                                      contacts, relapse_prevention)
  select id, program_id, 'Sober living, shared house', 'Weekly outpatient counselling', 'Three meetings a week',
         'Sponsor and counsellor', repeat('Warning signs and what to do about each of them. ', 20)
    from residents_stay where resident_id = '$resident' and discharged_on is not null;
-- a level decision every week for five years
insert into levels_assignment (id, program_id, resident_id, level, effective_on, decided_by, rationale)
  select gen_random_uuid(), h.program_id, '$resident', 1 + (w % 16) / 4, current_date - 1825 + w * 7, 'clinician',
         'Weekly team review ' || w || ': criteria checked, evidence attached.'
    from residents_house h, generate_series(0, 259) w where h.id = '$house';
commit;
SQL
fi
psql -h localhost -p "$pgport" -U postgres -d milieu -qAt -c "analyze residents_stay; analyze levels_assignment; analyze residents_aftercare_plan"
echo "stays: $(psqlc -c "select count(*) from residents_stay where resident_id = '$resident'")," \
     "level assignments: $(psqlc -c "select count(*) from levels_assignment where resident_id = '$resident'")"
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=director --data-urlencode password=milieu-demo \
  --data-urlencode "_csrf=$csrf" "$base/login"
time_url() { # url -> median and p95 of n calls after 50 warm-up calls
  for _ in $(seq 1 50); do curl -s -o /dev/null -b "$jar" "$1"; done
  for _ in $(seq 1 "$n"); do curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_starttransfer}\n' "$1"; done |
    awk '$1 != 200 { bad++ } { print $2 * 1000 } END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }' |
    sort -n | awk '{ v[NR] = $1 } END { printf "requests %d  median %.1f ms  p95 %.1f ms  max %.1f ms\n", NR, v[int(NR*0.5)], v[int(NR*0.95)], v[NR] }'
}
echo "profile API (10 stays):       $(time_url "$base/api/v1/residents/$resident")"
echo "profile page, overview:       $(time_url "$base/residents/$resident")"
echo "profile page, stays tab:      $(time_url "$base/residents/$resident?tab=stays")"
echo "profile page, level tab (260): $(time_url "$base/residents/$resident?tab=level")"
