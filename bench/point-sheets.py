#!/usr/bin/env python3
"""Point sheets per second through the API, with 1 and with 2 clients, beside PostgreSQL's COPY.

Signs in as the demo director over real HTTP. Every house with at least 16 residents gets point
sheets of 96 ratings (16 residents x 6 domains), one per house, date and shift, going back day by
day from yesterday, so no two sheets collide. Each client posts its own houses' sheets for
--seconds; the figure is acknowledged ratings (answers 201) per second. The COPY baseline loads the
same number of rows of the same shape into a scratch table (same columns and indexes as
levels_shift_rating, no audit) with psql's \\copy, on the same database in the same run. The WAL
written while the clients run (everything the database logged, audit included) is divided by the
ratings they had acknowledged.

Usage: bench/point-sheets.py --base http://localhost:8080 --data target/bench-data [--seconds 20]
The target runs on a scratch data directory with enough residents (bench/census.sh fills one).
Standard library and psql only.
"""
import argparse, datetime, http.client, json, os, subprocess, tempfile, threading, time, urllib.parse, uuid

from milieu_http import header, sign_in

DOMAINS = ["SAFETY", "ORIENTATION", "HYGIENE", "GROUP_PARTICIPATION", "RESPONSIBILITY", "RESPECT"]
SHIFTS = ["DAY", "EVENING", "NIGHT"]

def psql(pgport, sql):
    return subprocess.run(["psql", "-h", "localhost", "-p", str(pgport), "-U", "postgres", "-d", "milieu", "-qAt",
                           "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True).stdout

def houses_with_residents(pgport):
    rows = psql(pgport, """
        select s.house_id, string_agg(s.resident_id::text, ',' order by s.resident_id)
          from residents_stay s where s.discharged_on is null group by s.house_id having count(*) >= 16""")
    return [(line.split("|")[0], line.split("|")[1].split(",")[:16]) for line in rows.split()]

def sheets(house, residents, start):
    day = start
    while True:
        for shift in SHIFTS:
            yield house, {"shiftDate": day.isoformat(), "shift": shift,
                          "entries": [{"residentId": r, "ratings": [{"domain": d, "value": 1 if d == "SAFETY" else 3}
                                                                    for d in DOMAINS]} for r in residents]}
        day -= datetime.timedelta(days=1)

def client(host, port, jar, work, until, result):
    c = http.client.HTTPConnection(host, port, timeout=60)
    hdrs = {"Cookie": header(jar), "X-XSRF-TOKEN": urllib.parse.unquote(jar.get("XSRF-TOKEN", "")),
            "Content-Type": "application/json", "Accept": "application/json"}
    ok = other = 0
    gens = [sheets(h, rs, s) for h, rs, s in work]
    i = 0
    while time.time() < until:
        house, body = next(gens[i % len(gens)]); i += 1
        c.request("POST", f"/api/v1/houses/{house}/shift-ratings", json.dumps(body), hdrs)
        r = c.getresponse(); r.read()
        if r.status == 201:
            ok += 96
        else:
            other += 1
    result.append((ok, other))

def run(host, port, jar, houses, clients, seconds, start):
    until = time.time() + seconds
    result, threads = [], []
    for k in range(clients):
        mine = [(h, rs, start) for j, (h, rs) in enumerate(houses) if j % clients == k]
        t = threading.Thread(target=client, args=(host, port, jar, mine, until, result)); t.start(); threads.append(t)
    t0 = time.time()
    for t in threads:
        t.join()
    elapsed = time.time() - t0
    ok = sum(r[0] for r in result); bad = sum(r[1] for r in result)
    return ok / elapsed, bad, ok

def copy_rate(pgport, rows):
    psql(pgport, """drop table if exists bench_copy_rating;
        create unlogged table bench_copy_rating (like levels_shift_rating including defaults including indexes);
        alter table bench_copy_rating set logged""")
    path = tempfile.mktemp(suffix=".csv")
    program = psql(pgport, "select id from platform_program order by name limit 1").strip()
    with open(path, "w") as f:
        for i in range(rows):
            f.write(f"{uuid.uuid4()},{program},{uuid.uuid4()},{uuid.uuid4()},{uuid.uuid4()},2026-01-01,DAY,SAFETY,1,,bench,"
                    f"2026-01-01 08:00:00+00,false,\n")
    cols = "id, program_id, sheet_id, resident_id, house_id, shift_date, shift, domain, value, note, rated_by, rated_at, late, supersedes"
    t0 = time.time()
    psql(pgport, f"\\copy bench_copy_rating ({cols}) from '{path}' with (format csv)")
    elapsed = time.time() - t0
    psql(pgport, "drop table bench_copy_rating")
    os.unlink(path)
    return rows / elapsed

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--data", default="target/bench-data")
    p.add_argument("--seconds", type=float, default=20)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.base); host, port = u.hostname, u.port or 80
    pgport = open(os.path.join(a.data, "postgres", "postmaster.pid")).read().split("\n")[3]
    houses = houses_with_residents(pgport)
    if len(houses) < 4:
        raise SystemExit("needs at least 4 houses with 16 residents each (run bench/census.sh first)")
    jar = sign_in(host, port, "director")
    # each run starts further back in time, so sheets never collide with an earlier run's
    earliest = psql(pgport, "select coalesce(min(shift_date), current_date) from levels_rating_sheet").strip()
    start = datetime.date.fromisoformat(earliest) - datetime.timedelta(days=1)
    run(host, port, jar, houses, 1, 3, start)
    start -= datetime.timedelta(days=400)
    wal0 = psql(pgport, "select pg_current_wal_lsn()").strip()
    one, bad1, acknowledged1 = run(host, port, jar, houses, 1, a.seconds, start)
    start -= datetime.timedelta(days=400)
    two, bad2, acknowledged2 = run(host, port, jar, houses, 2, a.seconds, start)
    wal = int(psql(pgport, f"select pg_wal_lsn_diff(pg_current_wal_lsn(), '{wal0}')").strip())
    copy = copy_rate(pgport, 200_000)
    print(f"COPY of rating rows (baseline):        {copy:10,.0f} rows/s")
    print(f"point sheets of 96, 1 client:          {one:10,.0f} ratings/s  ({one / copy:.1%} of COPY, {bad1} refused)")
    print(f"point sheets of 96, 2 clients:         {two:10,.0f} ratings/s  ({two / copy:.1%} of COPY, {bad2} refused)")
    print(f"2 clients / 1 client:                  {two / one:10.2f}")
    print(f"WAL per acknowledged rating:           {wal / (acknowledged1 + acknowledged2):10,.0f} bytes")

if __name__ == "__main__":
    main()
