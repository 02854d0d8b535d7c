#!/usr/bin/env python3
"""The write load of bench/two-nodes and bench/faults-postgres, and the count after it.

  setup  --base URL --user U --password P --houses N --out setup.json
         signs in, founds N houses of 200 beds each (POST /api/v1/houses) and writes their beds.
  run    --base URL --user U --password P --setup setup.json --seconds S --writers W --log log.jsonl
         W writers share one signed-in session (through the proxy, so every node serves it) and
         admit residents (POST /api/v1/residents, each into a free bed of the writer's own) for S
         seconds. Every request is one line of the log: when it was sent and answered, its status,
         the node that answered (X-Milieu-Node from HAProxy), the resident's id when acknowledged.
         A failed request is not retried: its bed is left, and the count below finds out whether it
         took effect anyway.
  report --log log.jsonl --events events.json --psql "psql args" [--fault-at T] [--fault-end T]
         compares the log with the database: every acknowledged admission must be there; failures
         are told apart by status and by whether they fell in the fault's window.

Admissions are the write because each one also publishes ResidentAdmitted, kept in Spring Modulith's
event_publication table until its listeners (the resident's first level, the staffing watch) ran.
Standard library only.
"""
import argparse, collections, datetime, http.client, json, subprocess, sys, threading, time, urllib.parse, uuid

sys.path.insert(0, __import__("os").path.dirname(__file__))
from milieu_http import header, sign_in as milieu_sign_in  # noqa: E402


def connect(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port or 80, timeout=30)


def sign_in(base, username, password):
    """The form sign-in of milieu_http.sign_in, against any base URL."""
    u = urllib.parse.urlparse(base)
    return milieu_sign_in(u.hostname, u.port or 80, username, password)


def api(c, jar, method, path, body=None, extra=None):
    hdrs = {"Cookie": header(jar), "Accept": "application/json",
            "X-XSRF-TOKEN": urllib.parse.unquote(jar.get("XSRF-TOKEN", "")), **(extra or {})}
    data = None
    if body is not None:
        hdrs["Content-Type"] = "application/json"
        data = json.dumps(body)
    c.request(method, path, data, hdrs)
    r = c.getresponse()
    return r, r.read()


def setup(a):
    jar = sign_in(a.base, a.user, a.password)
    c = connect(a.base)
    houses = []
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%H%M%S")
    for i in range(a.houses):
        r, body = api(c, jar, "POST", "/api/v1/houses",
                      {"name": f"Load house {stamp}-{i + 1}", "kind": "MEN", "beds": 200})
        if r.status != 201:
            raise SystemExit(f"founding a house answered {r.status}: {body[:300]!r}")
        house = json.loads(body)["id"]
        r, body = api(c, jar, "GET", f"/api/v1/houses/{house}/beds")
        beds = [b["id"] for b in json.loads(body) if not b.get("taken")]
        houses.append({"id": house, "beds": beds})
    json.dump({"houses": houses}, open(a.out, "w"))
    print(f"{len(houses)} houses, {sum(len(h['beds']) for h in houses)} free beds")


def writer(a, n, jar, beds, today, until, out, lock):
    """Admits residents one after the other, each with its own Idempotency-Key. A request that
    fails for want of the database (503) or whose connection breaks is sent again with the same key
    and body, as a client should, until it is answered or --retry-for seconds have passed: the
    key makes sure it takes effect once, whether or not the first attempt had committed."""
    c = connect(a.base)
    lines = []
    seq = 0
    for house, bed in beds:
        if time.time() >= until:
            break
        seq += 1
        name = f"{a.tag}W{n}x{seq}"
        key = str(uuid.uuid4())
        body = {"givenName": "Load", "familyName": name, "birthDate": "1990-01-01",
                "houseId": house, "bedId": bed, "admittedOn": today}
        line = {"w": n, "seq": seq, "name": name, "bed": bed, "t0": time.time(), "failures": []}
        give_up = time.time() + a.retry_for
        while True:
            t = time.time()
            try:
                r, raw = api(c, jar, "POST", "/api/v1/residents", body, {"Idempotency-Key": key})
                status, node = r.status, r.getheader("X-Milieu-Node") or "-"
                if status == 201:
                    line.update(status=201, node=node, id=r.getheader("Location").rsplit("/", 1)[1])
                    break
                failure = {"t0": t, "t1": time.time(), "status": status, "node": node,
                           "type": json.loads(raw).get("type") if raw[:1] == b"{" else None,
                           "retryAfter": r.getheader("Retry-After")}
            except Exception as e:  # the connection broke: the node or the proxy went away mid-request
                failure = {"t0": t, "t1": time.time(), "status": 0, "error": type(e).__name__}
                c.close()
                c = connect(a.base)
            line["failures"].append(failure)
            if failure["status"] not in (0, 502, 503) or not a.retry or time.time() > give_up:
                line.update(status=failure["status"], node=failure.get("node", "-"))
                break
            time.sleep(0.2 if failure["status"] == 0 else min(1.0, float(failure.get("retryAfter") or 1)))
        line["t1"] = time.time()
        lines.append(line)
    with lock:
        out.extend(lines)


def run(a):
    jar = sign_in(a.base, a.user, a.password)
    houses = json.load(open(a.setup))["houses"]
    # beds dealt out to writers: no two writers ever race for one bed
    beds = [(h["id"], b) for h in houses for b in h["beds"]]
    shares = [beds[i::a.writers] for i in range(a.writers)]
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    until = time.time() + a.seconds
    out, lock = [], threading.Lock()
    threads = [threading.Thread(target=writer, args=(a, i, jar, shares[i], today, until, out, lock))
               for i in range(a.writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.sort(key=lambda l: l["t0"])
    with open(a.log, "w") as f:
        for line in out:
            f.write(json.dumps(line) + "\n")
    print(f"{len(out)} requests, {sum(1 for l in out if l['status'] == 201)} acknowledged")


def psql(args, sql):
    return subprocess.run(args.split() + ["-At", "-c", sql], check=True, capture_output=True, text=True).stdout.split("\n")


def report(a):
    log = [json.loads(l) for l in open(a.log)]
    acked = {l["id"]: l for l in log if l["status"] == 201}
    unresolved = [l for l in log if l["status"] != 201]
    attempts = [f for l in log for f in l["failures"]]
    rows = [x.split("|") for x in psql(a.psql, f"select id, family_name from residents_resident where given_name = 'Load' and family_name like '{a.tag}W%'") if x]
    ids = {r[0] for r in rows}
    names = collections.Counter(r[1] for r in rows)
    lost = [i for i in acked if i not in ids]
    nodes = collections.Counter(l.get("node", "-") for l in log if l["status"] == 201)
    statuses = collections.Counter(str(f["status"]) + ("/" + f["error"] if "error" in f else "") for f in attempts)
    fault_at, fault_end = a.fault_at, a.fault_end
    # a failed attempt inside the fault's window: sent before its end and answered after it began
    in_window = [f for f in attempts if fault_at and f["t1"] >= fault_at - 0.001 and (fault_end is None or f["t0"] <= fault_end)]
    outside = [f for f in attempts if f not in in_window]
    # writes whose first attempt failed although it had taken effect: what the key resolved
    first_failed = [l for l in log if l["failures"]]
    t_start = log[0]["t0"] if log else 0
    t_end = max((l["t1"] for l in log), default=0)
    result = {
        "writes": len(log),
        "acknowledged": len(acked),
        "acknowledged_per_second": round(len(acked) / max(0.001, t_end - t_start), 1),
        "lost": len(lost),
        "written_twice": sum(1 for c in names.values() if c > 1),
        "never_acknowledged": len(unresolved),
        "never_acknowledged_but_stored": sum(1 for l in unresolved if names[l["name"]]),
        "failed_attempts": len(attempts),
        "failed_attempts_by_status": dict(statuses),
        "failed_attempts_outside_fault": len(outside),
        "writes_acknowledged_after_a_retry": sum(1 for l in first_failed if l["status"] == 201),
        "answered_500": sum(1 for f in attempts if f["status"] == 500),
        "503_with_retry_after_and_problem": sum(1 for f in attempts if f["status"] == 503 and f.get("retryAfter")
                                               and f.get("type") == "urn:milieu:problem:unavailable"),
        "acknowledged_by_node": dict(nodes),
    }
    if fault_at:
        ok_after = sorted(l["t1"] for l in log if l["status"] == 201 and l["t1"] >= fault_at)
        last_failure = max((f["t1"] for f in in_window), default=None)
        result["first_failure_after_fault_s"] = round(min(f["t1"] for f in in_window) - fault_at, 2) if in_window else None
        result["last_failure_after_fault_s"] = round(last_failure - fault_at, 2) if last_failure else None
        first_ok = next((t for t in ok_after if last_failure is None or t >= last_failure), None)
        result["serving_again_after_s"] = round(first_ok - fault_at, 2) if first_ok else None
        result["acknowledged_after_fault"] = len(ok_after)
    if lost:
        result["lost_ids"] = lost[:20]
    if outside:
        result["failed_outside_examples"] = outside[:5]
    json.dump(result, open(a.out, "w"), indent=1)
    for k, v in result.items():
        print(f"  {k:34} {v}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup"); s.add_argument("--base"); s.add_argument("--user"); s.add_argument("--password")
    s.add_argument("--houses", type=int, default=10); s.add_argument("--out")
    r = sub.add_parser("run"); r.add_argument("--base"); r.add_argument("--user"); r.add_argument("--password")
    r.add_argument("--setup"); r.add_argument("--seconds", type=float, default=60); r.add_argument("--writers", type=int, default=8)
    r.add_argument("--log"); r.add_argument("--tag", default="")
    r.add_argument("--retry", action="store_true", help="send a failed write again with its Idempotency-Key")
    r.add_argument("--retry-for", type=float, default=30)
    q = sub.add_parser("report"); q.add_argument("--log"); q.add_argument("--psql"); q.add_argument("--out"); q.add_argument("--tag", default="")
    q.add_argument("--fault-at", type=float); q.add_argument("--fault-end", type=float)
    a = p.parse_args()
    {"setup": setup, "run": run, "report": report}[a.cmd](a)


if __name__ == "__main__":
    main()
