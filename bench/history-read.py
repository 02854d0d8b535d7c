#!/usr/bin/env python3
"""History reads near the database: one resident's 30 days through the API and as the SQL it runs.

Signs in as the demo director over real HTTP. Picks the resident with an open stay whose house has
the most residents, and rates them for 30 days (3 shifts x 6 domains = 540 ratings) through
POST /api/v1/houses/{id}/shift-ratings, in days before any sheet of the house (each run goes further
back, so sheets never collide). Then times, each N times after a warm-up:
  (a) GET /api/v1/residents/{id}/shift-ratings?from=&to=        (30 days, 540 ratings)
  (b) GET /api/v1/residents/{id}/history?from=&to=              first page (limit 50)
      and all pages at limit 200 (540 ratings and any checks and facts of those days: 3 pages)
  (c) the SQL each of them runs, with the same values, prepared, through pgbench on the same
      database (one client; per-statement latencies from pgbench's log)
and prints p50 and p95 of each and the ratio API p50 / SQL p50 (goal <= 3), with GET /api/v1/houses
in the same run as the baseline: what any signed-in API request costs.

Usage: bench/history-read.py http://localhost:8080 target/bench-data [--calls 200]
The target runs on a scratch data directory (MILIEU_DATA_DIR), not your demo's.
Standard library, psql and pgbench only.
"""
import argparse, datetime, http.client, json, os, statistics, subprocess, tempfile, time, urllib.parse

from milieu_http import header, sign_in

DOMAINS = ["SAFETY", "ORIENTATION", "HYGIENE", "GROUP_PARTICIPATION", "RESPONSIBILITY", "RESPECT"]
SHIFTS = ["DAY", "EVENING", "NIGHT"]


def psql(pgport, sql):
    return subprocess.run(["psql", "-h", "localhost", "-p", str(pgport), "-U", "postgres", "-d", "milieu", "-qAt",
                           "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True).stdout


def quantiles(samples):
    s = sorted(samples)
    return s[len(s) // 2], s[min(len(s) - 1, int(len(s) * 0.95))]


class Api:
    def __init__(self, host, port, jar):
        self.c = http.client.HTTPConnection(host, port, timeout=60)
        self.h = {"Cookie": header(jar), "X-XSRF-TOKEN": urllib.parse.unquote(jar.get("XSRF-TOKEN", "")),
                  "Content-Type": "application/json", "Accept": "application/json"}

    def call(self, method, path, body=None):
        self.c.request(method, path, None if body is None else json.dumps(body), self.h)
        r = self.c.getresponse(); data = r.read()
        return r.status, data

    def timed(self, path):
        t0 = time.perf_counter()
        status, data = self.call("GET", path)
        elapsed = (time.perf_counter() - t0) * 1000
        if status != 200:
            raise SystemExit(f"GET {path}: {status} {data[:300]}")
        return elapsed, json.loads(data)


def fill(api, pgport, house, resident):
    earliest = psql(pgport, f"select coalesce(min(shift_date), current_date) from levels_rating_sheet "
                            f"where house_id = '{house}'").strip()
    last = datetime.date.fromisoformat(earliest) - datetime.timedelta(days=1)
    first = last - datetime.timedelta(days=29)
    day = first
    while day <= last:
        for shift in SHIFTS:
            body = {"shiftDate": day.isoformat(), "shift": shift,
                    "entries": [{"residentId": resident,
                                 "ratings": [{"domain": d, "value": 1 if d == "SAFETY" else 3} for d in DOMAINS]}]}
            status, data = api.call("POST", f"/api/v1/houses/{house}/shift-ratings", body)
            if status != 201:
                raise SystemExit(f"sheet {day} {shift}: {status} {data[:300]}")
        day += datetime.timedelta(days=1)
    return first, last


def api_series(api, path, calls, pages=False):
    times = []
    for i in range(calls + 10):
        total, nxt, body = 0.0, path, None
        while nxt:
            ms, body = api.timed(nxt)
            total += ms
            nxt = body.get("next") if pages and isinstance(body, dict) else None
        if i >= 10:
            times.append(total)
    return times


def pgbench(pgport, statements, calls, workdir):
    """Runs the statements as one pgbench transaction, prepared; answers per-transaction latencies in ms."""
    script = os.path.join(workdir, "history.sql")
    with open(script, "w") as f:
        for s in statements:
            f.write(" ".join(s.split()) + ";\n")
    for old in os.listdir(workdir):
        if old.startswith("pgbench_log"):
            os.unlink(os.path.join(workdir, old))
    subprocess.run(["pgbench", "-h", "localhost", "-p", str(pgport), "-U", "postgres", "-n", "-M", "prepared",
                    "-c", "1", "-t", str(calls + 10), "-f", script, "-l", "milieu"], cwd=workdir, check=True,
                   capture_output=True, text=True)
    lines = []
    for log in os.listdir(workdir):
        if log.startswith("pgbench_log"):
            lines += open(os.path.join(workdir, log)).read().split("\n")
    return [int(line.split()[2]) / 1000 for line in lines if line.strip()][10:]


def lit(value):
    return "'" + str(value).replace("'", "''") + "'"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base", nargs="?", default="http://localhost:8080")
    p.add_argument("data", nargs="?", default="target/bench-data")
    p.add_argument("--calls", type=int, default=200)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.base); host, port = u.hostname, u.port or 80
    pgport = open(os.path.join(a.data, "postgres", "postmaster.pid")).read().split("\n")[3]
    program, zone = psql(pgport, "select id, time_zone from platform_program order by name limit 1").strip().split("|")
    house, resident = psql(pgport, f"""
        select s.house_id, min(s.resident_id::text) from residents_stay s
         where s.program_id = '{program}' and s.discharged_on is null
         group by s.house_id order by count(*) desc, s.house_id limit 1""").strip().split("|")
    api = Api(host, port, sign_in(host, port, "director"))
    first, last = fill(api, pgport, house, resident)
    span = f"from={first}&to={last}"

    ratings_path = f"/api/v1/residents/{resident}/shift-ratings?{span}"
    history_path = f"/api/v1/residents/{resident}/history?{span}"
    _, rated = api.timed(ratings_path)
    if len(rated) != 540:
        raise SystemExit(f"expected 540 ratings over 30 days, the API answered {len(rated)}")
    base_api = api_series(api, "/api/v1/houses", a.calls)
    a_api = api_series(api, ratings_path, a.calls)
    b1_api = api_series(api, history_path, a.calls)
    b2_api = api_series(api, history_path + "&limit=200", a.calls // 4, pages=True)

    # the same SQL, with the same values
    ratings_sql = f"""select id, sheet_id, resident_id, house_id, shift_date, shift, domain, value, note, rated_by,
        rated_at, late, supersedes, superseded_by from levels_shift_rating where program_id = {lit(program)}
        and resident_id = {lit(resident)} and shift_date between {lit(first)} and {lit(last)} and superseded_by is null
        order by shift_date, array_position(array['NIGHT','DAY','EVENING'], shift), domain"""
    pages, nxt = [], history_path + "&limit=200"
    after = None
    while nxt:
        _, body = api.timed(nxt)
        pages.append(history_sql(program, resident, first, last, zone, after, 201))
        if body["items"]:
            after = (body["items"][-1]["at"], body["items"][-1]["id"])
        nxt = body.get("next")
    first_page_sql = history_sql(program, resident, first, last, zone, None, 51)
    with tempfile.TemporaryDirectory(prefix="history-bench-") as work:
        a_sql = pgbench(pgport, [ratings_sql], a.calls, work)
        b1_sql = pgbench(pgport, [first_page_sql], a.calls, work)
        b2_sql = pgbench(pgport, pages, a.calls // 4, work)
    print(f"one resident, 30 days ({first} to {last}), 540 ratings; {a.calls} calls each (all pages: {a.calls // 4})")
    print(f"{'read':44} {'API p50':>8} {'API p95':>8} {'SQL p50':>8} {'SQL p95':>8} {'ratio':>6}")
    for name, api_t, sql_t in [("GET /residents/{id}/shift-ratings (30 days)", a_api, a_sql),
                               ("GET /residents/{id}/history, first page (50)", b1_api, b1_sql),
                               (f"GET /residents/{{id}}/history, all {len(pages)} pages (200)", b2_api, b2_sql)]:
        ap50, ap95 = quantiles(api_t); sp50, sp95 = quantiles(sql_t)
        print(f"{name:44} {ap50:7.2f}ms {ap95:7.2f}ms {sp50:7.2f}ms {sp95:7.2f}ms {ap50 / sp50:5.1f}x")
    bp50, bp95 = quantiles(base_api)
    print(f"{'baseline GET /api/v1/houses (no SQL beside)':44} {bp50:7.2f}ms {bp95:7.2f}ms")


def history_sql(program, resident, first, last, zone, after, fetch):
    """The query ResidentHistories.list runs for one page of every kind, with the director's fact kinds."""
    tz = lit(zone)
    rating_at = (f"((r.shift_date + case r.shift when 'DAY' then time '07:00' when 'EVENING' then time '15:00' "
                 f"else time '23:00' end) at time zone {tz})")
    fact_at = f"(f.occurred_on::timestamp at time zone {tz})"
    last_day = last
    if after:
        cursor_day = psql_free_date(after[0], zone)
        last_day = min(last, cursor_day)
    start = f"({lit(first)}::date::timestamp at time zone {tz})"
    end = f"(({lit(last)}::date + 1)::timestamp at time zone {tz})"
    rk = fk = ck = ""
    if after:
        at, aid = lit(after[0]), lit(after[1])
        rk = f" and ({rating_at}, r.id) < ({at}::timestamptz, {aid}::uuid)"
        ck = f" and o.observed_at <= {at}::timestamptz and (o.observed_at, o.id) < ({at}::timestamptz, {aid}::uuid)"
        fk = f" and ({fact_at}, f.id) < ({at}::timestamptz, {aid}::uuid)"
    kinds = "array['ATTENDANCE','FAMILY_CONTACT','INCIDENT','WORK','RESPONSIBILITY']"
    return f"""select * from (
      (select 'RATING' as kind, r.id, {rating_at} as at_time, r.shift_date as day, r.rated_by as by_whom, r.sheet_id as ref,
              r.shift, r.domain as what, r.value, r.late as flag, null::text as place, null::text as detail
         from levels_shift_rating r where r.program_id = {lit(program)} and r.resident_id = {lit(resident)}
          and r.shift_date between {lit(first)} and {lit(last_day)} and r.superseded_by is null{rk}
        order by at_time desc, r.id desc limit {fetch})
      union all
      (select 'CHECK' as kind, o.id, o.observed_at as at_time, (o.observed_at at time zone {tz})::date as day,
              o.observed_by as by_whom, o.order_id as ref, null as shift, o.location as what, null as value,
              o.safety_concern as flag, o.activity as place, null as detail
         from levels_observation o where o.program_id = {lit(program)} and o.resident_id = {lit(resident)}
          and o.observed_at >= {start} and o.observed_at < {end}{ck}
        order by o.observed_at desc, o.id desc limit {fetch})
      union all
      (select 'FACT' as kind, f.id, {fact_at} as at_time, f.occurred_on as day, f.recorded_by as by_whom, null as ref,
              null as shift, f.kind as what, null as value, null as flag, f.outcome as place, f.detail
         from levels_fact f where f.program_id = {lit(program)} and f.resident_id = {lit(resident)}
          and f.kind = any({kinds}) and f.occurred_on between {lit(first)} and {lit(last_day)}
          and f.withdrawn_at is null{fk}
        order by 3 desc, f.id desc limit {fetch})
    ) h order by at_time desc, id desc limit {fetch}"""


def psql_free_date(instant, zone):
    from zoneinfo import ZoneInfo
    return datetime.datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone(ZoneInfo(zone)).date()


if __name__ == "__main__":
    main()
