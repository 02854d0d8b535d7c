#!/usr/bin/env python3
"""Refusals under concurrency: the case that used to freeze the program.

Signs in as two demo accounts over real HTTP: staff2 (Linden House only) and the director. Then,
for --seconds, --refusers threads ask (as staff2) for a Bayview House resident, each answer a
correct 403, while --readers threads read the census as the director. Prints, for each group,
requests per second and the count of each status. Before refusal audits stopped nesting a second
connection, 30 refusers froze the pool (10 connections): every request then waited 30 s and failed.

Usage: bench/refusals.py [--base http://localhost:8080] [--refusers 30] [--readers 10] [--seconds 20]
Standard library only; the target must run the demo community.
"""
import argparse, collections, http.client, json, threading, time, urllib.parse

from milieu_http import header, sign_in

def worker(host, port, cookie, path, until, counts, lock):
    c = http.client.HTTPConnection(host, port, timeout=60)
    local = collections.Counter()
    while time.time() < until:
        try:
            c.request("GET", path, headers={"Cookie": cookie, "Accept": "application/json"})
            r = c.getresponse(); r.read(); local[r.status] += 1
        except Exception as e:
            local[type(e).__name__] += 1
            c = http.client.HTTPConnection(host, port, timeout=60)
    with lock:
        counts.update(local)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--refusers", type=int, default=30)
    p.add_argument("--readers", type=int, default=10)
    p.add_argument("--seconds", type=float, default=20)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.base); host, port = u.hostname, u.port or 80
    staff2 = header(sign_in(host, port, "staff2")); director = header(sign_in(host, port, "director"))
    c = http.client.HTTPConnection(host, port, timeout=60)
    c.request("GET", "/api/v1/residents", headers={"Cookie": director, "Accept": "application/json"})
    residents = json.loads(c.getresponse().read())
    items = residents["items"] if isinstance(residents, dict) else residents
    bayview = next(r for r in items if "Bayview" in json.dumps(r))
    target = "/api/v1/residents/" + bayview["id"]
    until = time.time() + a.seconds
    refused, read, lock = collections.Counter(), collections.Counter(), threading.Lock()
    threads = [threading.Thread(target=worker, args=(host, port, staff2, target, until, refused, lock)) for _ in range(a.refusers)]
    threads += [threading.Thread(target=worker, args=(host, port, director, "/api/v1/census", until, read, lock)) for _ in range(a.readers)]
    start = time.time()
    for t in threads: t.start()
    for t in threads: t.join()
    took = time.time() - start
    for name, counts in (("refused reads (staff2 -> Bayview resident)", refused), ("census reads (director)", read)):
        total = sum(counts.values())
        print(f"{name}: {total / took:.1f} requests/s over {took:.1f} s; statuses {dict(sorted(counts.items(), key=str))}")

if __name__ == "__main__":
    main()
