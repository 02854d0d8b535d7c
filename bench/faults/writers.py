#!/usr/bin/env python3
"""Concurrent writers that record every acknowledged write, for the kill -9 fault.

Signs in as the director, puts --residents residents of the demo community on observation (one
order each), then runs --writers threads that record observation checks
(POST /api/v1/residents/{id}/observations) until --seconds pass or the server goes away. The id of
every check answered 201 is appended to --acked at once (one line each, flushed), so the file holds
exactly the writes Milieu acknowledged, whatever happens to Milieu. Other answers are counted by
status (a refused connection or a reset as the exception's name) and printed as JSON at the end.

Usage: bench/faults/writers.py --base http://localhost:18201 --acked FILE [--writers 8] [--seconds 60]
Standard library only.
"""
import argparse, collections, json, os, sys, threading, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import http.client  # noqa: E402
from milieu_http import header, sign_in  # noqa: E402


def call(host, port, cookie, xsrf, method, path, body=None):
    c = http.client.HTTPConnection(host, port, timeout=30)
    c.request(method, path, json.dumps(body) if body is not None else None,
              {"Cookie": cookie, "X-XSRF-TOKEN": xsrf, "Content-Type": "application/json", "Accept": "application/json"})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def setup(host, port, jar, residents):
    """Puts the first `residents` residents living in a house on observation; answers their ids."""
    cookie, xsrf = header(jar), jar.get("XSRF-TOKEN", "")
    status, data = call(host, port, cookie, xsrf, "GET", "/api/v1/residents?limit=200")
    if status != 200:
        raise SystemExit(f"listing residents: {status} {data[:200]!r}")
    page = json.loads(data)
    items = page["items"] if isinstance(page, dict) else page
    chosen = []
    for r in items:
        if len(chosen) == residents:
            break
        status, data = call(host, port, cookie, xsrf, "POST", f"/api/v1/residents/{r['id']}/observation-orders",
                            {"frequency": "EVERY_15", "reason": "fault suite: writes during kill -9"})
        if status == 201:
            chosen.append(r["id"])
    if not chosen:
        raise SystemExit("no resident could be put on observation")
    return chosen


def writer(host, port, cookie, xsrf, residents, n, until, acked, lock, counts, stop):
    local = collections.Counter()
    c = None
    i = 0
    while time.time() < until and not stop.is_set():
        resident = residents[(n + i) % len(residents)]
        i += 1
        try:
            if c is None:
                c = http.client.HTTPConnection(host, port, timeout=30)
            c.request("POST", f"/api/v1/residents/{resident}/observations",
                      json.dumps({"location": "Lounge", "activity": f"writer {n} check {i}"}),
                      {"Cookie": cookie, "X-XSRF-TOKEN": xsrf, "Content-Type": "application/json",
                       "Accept": "application/json"})
            r = c.getresponse()
            data = r.read()
            local[r.status] += 1
            if r.status == 201:
                check = json.loads(data)["id"]
                with lock:
                    acked.write(check + "\n")
                    acked.flush()
        except Exception as e:  # the server went away mid-call: not acknowledged
            local[type(e).__name__] += 1
            c = None
            if local[type(e).__name__] > 20:
                break
            time.sleep(0.2)
    with lock:
        counts.update(local)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:18201")
    p.add_argument("--acked", required=True)
    p.add_argument("--writers", type=int, default=8)
    p.add_argument("--residents", type=int, default=8)
    p.add_argument("--seconds", type=float, default=60)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.base)
    host, port = u.hostname, u.port or 80
    jar = sign_in(host, port, "director")
    residents = setup(host, port, jar, a.residents)
    print(f"writing observation checks for {len(residents)} residents with {a.writers} writers", flush=True)
    until = time.time() + a.seconds
    lock, counts, stop = threading.Lock(), collections.Counter(), threading.Event()
    with open(a.acked, "a") as acked:
        threads = [threading.Thread(target=writer, args=(host, port, header(jar), jar.get("XSRF-TOKEN", ""), residents, n,
                                                         until, acked, lock, counts, stop)) for n in range(a.writers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    print(json.dumps({str(k): v for k, v in sorted(counts.items(), key=str)}), flush=True)


if __name__ == "__main__":
    main()
