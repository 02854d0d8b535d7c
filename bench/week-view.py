#!/usr/bin/env python3
"""The week view of a house with 60 residents and a realistic week of sessions.

Seeds, once, on a running Milieu's embedded database: a house of its own with 60 beds and 60
residents staying in it. Then schedules, through the API as the director (facilitated by the demo
clinician, so every booking passes the conflict check as anyone's would), a realistic week for the
house: three house-wide series every weekday (a morning community support meeting, a late-morning
psycho-education group and an afternoon social-skills group, each weekly on MO-FR for 26 weeks),
six small groups of ten named residents (peer role modelling, one a weekday and one on Saturday),
and twenty 30-minute one-to-one psychiatric-support sessions spread over the week. That is 15 + 6 +
20 = 41 occurrences in the week, on 29 sessions.

Then, signed in as the director, times N requests (default 200, after 50 warm-up requests) of the
house's week view /sessions?house=...&date=... and of the API's GET /api/v1/sessions/occurrences for
the same house and week, and prints median and p95 of the time to the last byte, in ms. The
issue's goal: the week view p95 <= 80 ms.

Usage: bench/week-view.py [http://localhost:8080] [data-dir] [--requests 200]
Run the target on a scratch data directory (MILIEU_DATA_DIR), not your demo's.
Standard library and psql only.
"""
import argparse, datetime, http.client, json, subprocess, sys, time, urllib.parse

from milieu_http import header, sign_in

HOUSE = "b0000000-0000-4000-8000-0000000e0001"
RESIDENTS = 60


def psql(pgport, sql):
    done = subprocess.run(["psql", "-h", "localhost", "-p", str(pgport), "-U", "postgres", "-d", "milieu", "-qAt",
                           "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"psql: {done.stderr.strip()}")
    return done.stdout


class Api:
    def __init__(self, host, port, jar):
        self.c = http.client.HTTPConnection(host, port, timeout=60)
        self.h = {"Cookie": header(jar), "X-XSRF-TOKEN": urllib.parse.unquote(jar.get("XSRF-TOKEN", "")),
                  "Content-Type": "application/json", "Accept": "application/json"}

    def call(self, method, path, body=None, expect=(200, 201)):
        self.c.request(method, path, None if body is None else json.dumps(body), self.h)
        r = self.c.getresponse(); data = r.read()
        if r.status not in expect:
            raise SystemExit(f"{method} {path}: {r.status} {data[:400]!r}")
        return json.loads(data) if data else None

    def timed(self, path, accept):
        t0 = time.perf_counter()
        self.c.request("GET", path, None, {**self.h, "Accept": accept})
        r = self.c.getresponse(); r.read()
        if r.status != 200:
            raise SystemExit(f"GET {path}: {r.status}")
        return (time.perf_counter() - t0) * 1000


def seed(pgport, admitted):
    if psql(pgport, f"select count(*) from residents_house where id = '{HOUSE}'").strip() != "0":
        return False
    psql(pgport, f"""
begin;
insert into residents_house (id, program_id, name, kind, address)
  select '{HOUSE}', id, 'Bench House (week view)', 'MIXED', null from platform_program order by id limit 1;
insert into residents_bed (id, program_id, house_id, room, label)
  select ('b0000000-0000-4000-8000-0001' || lpad(to_hex(n), 8, '0'))::uuid, program_id, '{HOUSE}', (n / 2 + 1)::text, n::text
    from residents_house, generate_series(1, {RESIDENTS}) n where id = '{HOUSE}';
insert into residents_resident (id, program_id, given_name, family_name, preferred_name, birth_date, pronouns,
                                primary_language, phone, emergency_contact_name, emergency_contact_phone)
  select ('b0000000-0000-4000-8000-0002' || lpad(to_hex(n), 8, '0'))::uuid, program_id, 'Week' || n, 'Viewer', null,
         date '1985-01-01' + n, 'they/them', 'English', '555-0121', 'A Contact', '555-0122'
    from residents_house, generate_series(1, {RESIDENTS}) n where id = '{HOUSE}';
insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on, referral_source, funding_source,
                            expected_length_days)
  select gen_random_uuid(), program_id, ('b0000000-0000-4000-8000-0002' || lpad(to_hex(n), 8, '0'))::uuid, '{HOUSE}',
         ('b0000000-0000-4000-8000-0001' || lpad(to_hex(n), 8, '0'))::uuid, date '{admitted}', 'Self', 'County grant', 365
    from residents_house, generate_series(1, {RESIDENTS}) n where id = '{HOUSE}';
commit;""")
    return True


def schedule(director, types, clinician, monday):
    def session(kind, title, day, time, rule=None, minutes=None, residents=None, room=None):
        body = {"typeId": types[kind], "title": title, "houseId": HOUSE, "room": room, "firstOn": day.isoformat(),
                "startsAt": time, "durationMinutes": minutes, "rrule": rule, "facilitators": [clinician]}
        if residents:
            body.update({"attendeeKind": "RESIDENTS", "residents": residents})
        else:
            body.update({"attendeeKind": "HOUSE", "attendeeHouseId": HOUSE})
        director.call("POST", "/api/v1/sessions", body)
    weekdays = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=130"
    session("COMMUNITY_SUPPORT", "Morning meeting", monday, "08:30", weekdays, 45, room="Living room")
    session("PSYCHO_EDUCATION", "Coping strategies", monday, "10:00", weekdays, 60, room="Group room")
    session("SOCIAL_SKILLS", "Social skills", monday, "14:00", weekdays, 60, room="Group room")
    residents = [f"b0000000-0000-4000-8000-0002{n:08x}" for n in range(1, RESIDENTS + 1)]
    for g in range(6):
        session("PEER_ROLE_MODELLING", f"Small group {g + 1}", monday + datetime.timedelta(days=g), "15:30", None, 45,
                residents[g * 10:(g + 1) * 10], room="Quiet room")
    for i in range(20):
        day = monday + datetime.timedelta(days=i % 5)
        minute = 16 * 60 + 30 + 30 * (i // 5)
        session("PSYCHIATRIC_SUPPORT", "One to one", day, f"{minute // 60:02d}:{minute % 60:02d}", None, 30,
                [residents[i * 3]], room="Office")


def quantiles(samples):
    s = sorted(samples)
    return s[len(s) // 2], s[int(len(s) * 0.95) - 1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base", nargs="?", default="http://localhost:8080")
    p.add_argument("data", nargs="?", default=".milieu")
    p.add_argument("--requests", type=int, default=200)
    a = p.parse_args()
    url = urllib.parse.urlparse(a.base)
    pgport = open(f"{a.data}/postgres/postmaster.pid").read().splitlines()[3].strip()
    today = datetime.date.fromisoformat(psql(pgport, "select current_date").strip())
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=1)
    director = Api(url.hostname, url.port, sign_in(url.hostname, url.port, "director"))
    if seed(pgport, today - datetime.timedelta(days=30)):
        print(f"scheduling a week of sessions for {RESIDENTS} residents ...", flush=True)
        types = {t["code"]: t["id"] for t in director.call("GET", "/api/v1/session-types") if t["code"]}
        clinician = psql(pgport, "select id from identity_account where username = 'clinician'").strip()
        schedule(director, types, clinician, monday)
    week = director.call("GET", f"/api/v1/sessions/occurrences?from={monday}&to={monday + datetime.timedelta(days=6)}"
                                f"&houseId={HOUSE}")
    print("occurrences in the week:", len(week))
    for label, path, accept in [("week view of the house", f"/sessions?house={HOUSE}&date={monday}", "text/html"),
                                ("API: the house's week", f"/api/v1/sessions/occurrences?from={monday}"
                                 f"&to={monday + datetime.timedelta(days=6)}&houseId={HOUSE}", "application/json")]:
        for _ in range(50):
            director.timed(path, accept)
        samples = [director.timed(path, accept) for _ in range(a.requests)]
        p50, p95 = quantiles(samples)
        print(f"{label:40s} requests {len(samples)}  median {p50:.1f} ms  p95 {p95:.1f} ms  max {max(samples):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
