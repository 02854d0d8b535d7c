#!/usr/bin/env python3
"""Fault: the connection pool exhausted. Promise: a request that finds no free connection gets
503 with Retry-After within seconds (connection timeout 3 s), a request whose statement waits past
its limit gets 503 timed-out (statement timeout 5 s), never a 500 and never a wait without end, and
Milieu serves normally the moment the cause is gone.

How: a separate session (psql as the owner, outside Milieu's pool) takes an exclusive lock on
residents_house for --hold seconds. Then --clients requests for GET /api/v1/houses go out at once
(more than the pool's 10 connections): the first ten take a connection each and wait on the lock
until PostgreSQL cancels their statement; the rest wait for a connection until the pool gives up.
Prints each group's statuses, Retry-After values and slowest answer, then sends the same burst
again once the lock is gone.

Usage: bench/faults/pool.py --base http://localhost:18230 --pg-port PORT [--clients 40] [--hold 8]
Standard library and psql.
"""
import argparse, collections, json, os, subprocess, sys, threading, time, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import http.client  # noqa: E402
from milieu_http import header, sign_in  # noqa: E402


def burst(host, port, cookie, clients):
    """Sends `clients` reads at the same instant; answers (status, problem type, Retry-After, seconds) each."""
    results, lock, go = [], threading.Lock(), threading.Event()

    def one():
        c = http.client.HTTPConnection(host, port, timeout=60)
        go.wait()
        t0 = time.time()
        try:
            c.request("GET", "/api/v1/houses", headers={"Cookie": cookie, "Accept": "application/json"})
            r = c.getresponse(); body = r.read()
            kind = ""
            if r.status >= 400:
                try:
                    kind = json.loads(body).get("type", "").rsplit(":", 1)[-1]
                except ValueError:
                    kind = "not a problem document"
            item = (r.status, kind, r.getheader("Retry-After"), time.time() - t0)
        except Exception as e:
            item = (type(e).__name__, "", None, time.time() - t0)
        with lock:
            results.append(item)

    threads = [threading.Thread(target=one) for _ in range(clients)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    go.set()
    for t in threads:
        t.join()
    return results


def report(title, results):
    groups = collections.defaultdict(list)
    for status, kind, retry, took in results:
        groups[(status, kind, retry)].append(took)
    print(title)
    for (status, kind, retry), times in sorted(groups.items(), key=str):
        label = f"{status} {kind}".strip() + (f", Retry-After {retry}" if retry else "")
        print(f"  {len(times):3d} x {label}: slowest {max(times):.1f} s")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:18230")
    p.add_argument("--pg-port", required=True)
    p.add_argument("--clients", type=int, default=40)
    p.add_argument("--hold", type=float, default=8)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.base)
    host, port = u.hostname, u.port or 80
    cookie = header(sign_in(host, port, "director"))
    holder = subprocess.Popen(["psql", "-X", "-q", "-h", "localhost", "-p", str(a.pg_port), "-U", "postgres", "-d", "milieu",
                               "-c", f"begin; lock table residents_house in access exclusive mode; select pg_sleep({a.hold}); commit;"],
                              stdout=subprocess.DEVNULL)
    time.sleep(1)
    t0 = time.time()
    stuck = burst(host, port, cookie, a.clients)
    report(f"{a.clients} reads at once while another session holds the table they read ({time.time() - t0:.1f} s):", stuck)
    holder.wait()
    free = burst(host, port, cookie, a.clients)
    report(f"the same {a.clients} reads once the lock is gone:", free)
    ok = (all(s == 503 and r and t < 10 for s, _, r, t in stuck)
          and any(k == "unavailable" for _, k, _, _ in stuck)
          and all(s == 200 for s, _, _, _ in free))
    print(("PASS" if ok else "FAIL") + "  every stuck read 503 with Retry-After within 10 s (pool exhausted: unavailable; "
          "statement past its limit: timed-out), no 500; all 200 once free")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
