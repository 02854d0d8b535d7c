#!/usr/bin/env python3
"""The plan page of a resident with two years of treatment plans: 8 versions and 24 reviews.

Seeds, once, a resident of a running Milieu on its embedded database: a house and bed of their own,
a stay that began two years and a month ago, a resident sign-in (the demo password) and a place on
the demo clinician's caseload. Then writes their plan through the API as the demo clinician and the
resident would: version 1 with 25 parts (problems, strengths, needs, goals, 6 measurable objectives,
interventions), signed by both; a review every month (24), each rating every objective and signed;
every third review revises the plan, and the new version (one part more, one part reworded) is
signed by both again: 8 versions in all. Every write is a real one (audited, signed through the
signature component with the password asked again).

Then, signed in as the demo clinician, times N requests (default 200, after 50 warm-up requests) of
the plan page /residents/{id}/plan (the version in force, its signatures checked against their
content, the reviews) and of the API's GET /api/v1/residents/{id}/plan/versions/8 and its review
listing, and prints median and p95 of the time to the last byte, in ms. The issue's goal: the plan
page p95 <= 50 ms.

Usage: bench/plan-page.py [http://localhost:8080] [data-dir] [--requests 200]
Run the target on a scratch data directory (MILIEU_DATA_DIR), not your demo's.
Standard library and psql only.
"""
import argparse, datetime, http.client, json, re, subprocess, sys, time, urllib.parse

from milieu_http import header, sign_in

RESIDENT = "b0000000-0000-4000-8000-00000000c003"
HOUSE = "b0000000-0000-4000-8000-00000000c001"
BED = "b0000000-0000-4000-8000-00000000c002"
ACCOUNT = "b0000000-0000-4000-8000-00000000c004"
USERNAME = "bench-plan-resident"
PASSWORD = "milieu-demo"
AREAS = ["ASAM1_INTOXICATION_WITHDRAWAL", "ASAM2_BIOMEDICAL", "ASAM3_EMOTIONAL_BEHAVIOURAL",
         "ASAM4_READINESS_TO_CHANGE", "ASAM5_RELAPSE_POTENTIAL", "ASAM6_RECOVERY_ENVIRONMENT"]
RATINGS = ["PROGRESSING", "MET", "NOT_PROGRESSING", "PROGRESSING", "CHANGED", "PROGRESSING"]


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

    def call(self, method, path, body=None, expect=(200, 201), **extra):
        self.c.request(method, path, None if body is None else json.dumps(body), {**self.h, **extra})
        r = self.c.getresponse(); data = r.read()
        if r.status not in expect:
            raise SystemExit(f"{method} {path}: {r.status} {data[:400]!r}")
        return r, (json.loads(data) if data and r.getheader("Content-Type", "").startswith(("application/json",
                                                                                            "application/problem")) else data)

    def timed(self, path, accept="application/json"):
        t0 = time.perf_counter()
        self.c.request("GET", path, None, {**self.h, "Accept": accept})
        r = self.c.getresponse(); r.read()
        if r.status != 200:
            raise SystemExit(f"GET {path}: {r.status}")
        return (time.perf_counter() - t0) * 1000


def seed(pgport, admitted):
    if psql(pgport, f"select count(*) from residents_resident where id = '{RESIDENT}'").strip() != "0":
        return False
    psql(pgport, f"""
begin;
insert into residents_house (id, program_id, name, kind, address)
  select '{HOUSE}', id, 'Bench House (plan)', 'MIXED', null from platform_program order by id limit 1;
insert into residents_bed (id, program_id, house_id, room, label)
  select '{BED}', program_id, '{HOUSE}', '1', '1' from residents_house where id = '{HOUSE}';
insert into residents_resident (id, program_id, given_name, family_name, preferred_name, birth_date, pronouns,
                                primary_language, phone, emergency_contact_name, emergency_contact_phone)
  select '{RESIDENT}', program_id, 'Robin', 'Planwright', null, date '1984-04-04', 'they/them', 'English', '555-0121',
         'Sam Planwright', '555-0122' from residents_house where id = '{HOUSE}';
insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on, referral_source, funding_source,
                            expected_length_days)
  select gen_random_uuid(), program_id, '{RESIDENT}', '{HOUSE}', '{BED}', date '{admitted}', 'Self', 'County grant', 730
    from residents_house where id = '{HOUSE}';
insert into identity_account (id, program_id, username, display_name, password_hash, resident_id)
  select '{ACCOUNT}', program_id, '{USERNAME}', 'Robin Planwright', password_hash, '{RESIDENT}'
    from identity_account where username = 'resident01';
insert into identity_account_role (account_id, role) values ('{ACCOUNT}', 'RESIDENT');
insert into identity_caseload (account_id, resident_id)
  select id, '{RESIDENT}' from identity_account where username = 'clinician';
commit;""")
    return True


def parts(version):
    """The team's parts of a version: 25 in version 1, one more in each later version, one reworded."""
    items = []
    for i, area in enumerate(AREAS[:4]):
        items.append({"kind": "PROBLEM", "area": area, "text": f"In my words: what gets in the way, number {i + 1}",
                      "clinicalText": f"Clinical formulation {i + 1}, reviewed at version {version if i == 0 else 1}"})
    for i in range(3):
        items.append({"kind": "STRENGTH", "text": f"A strength to build on, number {i + 1}"})
    for i in range(2):
        items.append({"kind": "NEED", "text": f"A need the team meets, number {i + 1}"})
    for i in range(4):
        items.append({"kind": "GOAL", "text": f"A long-term goal, number {i + 1}"})
    return items


def objectives(start):
    return [{"kind": "OBJECTIVE", "text": f"Measurable objective {i + 1}", "measure": f"Counted weekly, sheet {i + 1}",
             "targetDate": (start + datetime.timedelta(days=90 + 7 * i)).isoformat()} for i in range(6)]


def interventions(version):
    return [{"kind": "INTERVENTION", "text": f"What the team does, number {i + 1}", "responsible": "Primary clinician",
             "frequency": "Weekly"} for i in range(6 + version - 1)]


def sign(api, kind, document, version, meaning, content_hash):
    api.call("POST", "/api/v1/signatures", {"kind": kind, "documentId": document, "version": version,
                                            "meaning": meaning, "contentHash": content_hash, "password": PASSWORD})


def write(clinician, resident, admitted):
    base = f"/api/v1/residents/{RESIDENT}/plan"
    start = admitted + datetime.timedelta(days=3)
    clinician.call("POST", base + "/versions", {"startsOn": start.isoformat()})
    number, drafting = 1, True
    for month in range(24):
        if drafting:  # the draft of version `number`: written, then signed by the clinician and the resident
            r, v = clinician.call("GET", f"{base}/versions/{number}")
            draft = {"startsOn": start.isoformat(), "items": parts(number) + objectives(start) + interventions(number)}
            r, v = clinician.call("PUT", f"{base}/versions/{number}", draft, **{"If-Match": r.getheader("ETag")})
            sign(clinician, "treatment-plan", v["planId"], number, "wrote-with-resident", v["contentHash"])
            sign(resident, "treatment-plan", v["planId"], number, "agreed", v["contentHash"])
        held = start + datetime.timedelta(days=30) if drafting else held + datetime.timedelta(days=30)
        r, review = clinician.call("POST", base + "/reviews", {"reason": "SCHEDULED", "heldOn": held.isoformat()})
        ratings = [{"objectiveId": o["objectiveId"], "rating": RATINGS[(month + i) % len(RATINGS)],
                    "comment": f"Month {month + 1}: seen in the weekly sheets."} for i, o in enumerate(review["objectives"])]
        clinician.call("PUT", f"{base}/reviews/{review['id']}", {"summary": f"Review of month {month + 1}",
                                                                "ratings": ratings}, **{"If-Match": r.getheader("ETag")})
        drafting = month % 3 == 2 and number < 8
        if drafting:  # every third review revises the plan: the next version starts on the review's day
            r, review = clinician.call("GET", f"{base}/reviews/{review['id']}")
            clinician.call("POST", f"{base}/reviews/{review['id']}/revision", None, **{"If-Match": r.getheader("ETag")})
            number += 1
            start = held
        r, review = clinician.call("GET", f"{base}/reviews/{review['id']}")
        sign(clinician, "plan-review", review["id"], 1, "reviewed-with-resident", review["contentHash"])
    return number


def quantiles(samples):
    s = sorted(samples)
    return s[len(s) // 2], s[min(len(s) - 1, int(len(s) * 0.95))]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base", nargs="?", default="http://localhost:8080")
    p.add_argument("data", nargs="?", default=".milieu")
    p.add_argument("--requests", type=int, default=200)
    a = p.parse_args()
    url = urllib.parse.urlparse(a.base)
    pgport = open(f"{a.data}/postgres/postmaster.pid").read().splitlines()[3].strip()
    today = datetime.date.fromisoformat(psql(pgport, "select current_date").strip())
    admitted = today - datetime.timedelta(days=2 * 365 + 30)
    clinician = Api(url.hostname, url.port, sign_in(url.hostname, url.port, "clinician"))
    if seed(pgport, admitted):
        print("writing two years of plans (8 versions, 24 reviews) ...", flush=True)
        resident = Api(url.hostname, url.port, sign_in(url.hostname, url.port, USERNAME))
        write(clinician, resident, admitted)
    counts = psql(pgport, f"""select (select count(*) from plans_version v join plans_plan p on p.id = v.plan_id
                                        where p.resident_id = '{RESIDENT}'),
                                     (select count(*) from plans_review where resident_id = '{RESIDENT}'),
                                     (select count(*) from sig_signature where resident_id = '{RESIDENT}')""").strip()
    print("versions|reviews|signatures:", counts)
    for label, path, accept in [("plan page (version in force, reviews)", f"/residents/{RESIDENT}/plan", "text/html"),
                                ("API: version 8", f"/api/v1/residents/{RESIDENT}/plan/versions/8", "application/json"),
                                ("API: reviews, first page", f"/api/v1/residents/{RESIDENT}/plan/reviews", "application/json")]:
        for _ in range(50):
            clinician.timed(path, accept)
        samples = [clinician.timed(path, accept) for _ in range(a.requests)]
        p50, p95 = quantiles(samples)
        print(f"{label:40s} requests {len(samples)}  median {p50:.1f} ms  p95 {p95:.1f} ms  max {max(samples):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
