#!/usr/bin/env python3
"""Twenty residents casting secret ballots at the same moment: the vote of issue 15's load test,
measured alone and without Gatling on the same cores.

Signs in the director and resident01..residentNN over real HTTP, opens an ad hoc meeting with them
present, and for each of --rounds motions (moved and seconded by residents) lets the voters cast
their ballots at once (each from its own fresh connection, as Gatling's virtual users do, released
together by a barrier). One more motion is voted one ballot after another, as the baseline of a
ballot alone. The director closes every vote and the tallies are checked (each ballot counted once).
Prints the latencies: all at once (median, p95, slowest of all rounds) and one at a time (median).

Usage: bench/ballots.py [--base http://localhost:8080] [--voters 20] [--rounds 5]
Standard library only; the target must run the demo community.
"""
import argparse, datetime, http.client, json, statistics, threading, time, urllib.parse

from milieu_http import header, sign_in


class Api:
    def __init__(self, host, port, jar):
        self.host, self.port, self.jar = host, port, jar

    def call(self, method, path, body=None, expect=200, connection=None):
        c = connection or http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Cookie": header(self.jar), "Accept": "application/json", "Content-Type": "application/json",
                   "X-XSRF-TOKEN": self.jar.get("XSRF-TOKEN", "")}
        c.request(method, path, None if body is None else json.dumps(body), headers)
        r = c.getresponse(); text = r.read()
        if r.status != expect:
            raise SystemExit(f"{method} {path}: {r.status} (expected {expect}) {text[:300]!r}")
        return json.loads(text) if text else None


def choice(i):
    return ("YES", "NO", "ABSTAIN")[i % 3]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--voters", type=int, default=20)
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.base); host, port = u.hostname, u.port or 80
    director = Api(host, port, sign_in(host, port, "director"))
    names = ["resident%02d" % i for i in range(1, a.voters + 1)]
    voters = [Api(host, port, sign_in(host, port, n)) for n in names]
    users = director.call("GET", "/api/v1/users")
    items = users["items"] if isinstance(users, dict) else users
    by_name = {u["username"]: u["residentId"] for u in items}
    present = [by_name[n] for n in names]
    starts = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=10)).isoformat()
    meeting = director.call("POST", "/api/v1/meetings", {"kind": "AD_HOC", "title": "Community meeting (ballot bench)",
                                                          "startsAt": starts}, 201)["id"]
    director.call("POST", f"/api/v1/meetings/{meeting}/attendance", {"present": present})
    director.call("POST", f"/api/v1/meetings/{meeting}/open")

    def motion(n):
        m = voters[0].call("POST", f"/api/v1/meetings/{meeting}/motions",
                           {"kind": "ORDINARY", "text": f"Motion {n}: movie night moves to Friday.", "secret": True}, 201)["id"]
        voters[1].call("POST", f"/api/v1/motions/{m}/second")
        return m

    at_once, motions = [], []
    for round_ in range(a.rounds):
        m = motion(round_ + 1); motions.append(m)
        barrier = threading.Barrier(a.voters)
        times = [None] * a.voters

        def cast(i):
            c = http.client.HTTPConnection(host, port, timeout=60)
            barrier.wait()
            t = time.perf_counter()
            voters[i].call("POST", f"/api/v1/motions/{m}/ballots", {"choice": choice(i)}, 201, c)
            times[i] = (time.perf_counter() - t) * 1000
        threads = [threading.Thread(target=cast, args=(i,)) for i in range(a.voters)]
        for t in threads: t.start()
        for t in threads: t.join()
        at_once += times
        print(f"round {round_ + 1}: median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms")
        time.sleep(2)
    alone = []
    m = motion(a.rounds + 1); motions.append(m)
    for i in range(a.voters):
        c = http.client.HTTPConnection(host, port, timeout=60)
        t = time.perf_counter()
        voters[i].call("POST", f"/api/v1/motions/{m}/ballots", {"choice": choice(i)}, 201, c)
        alone.append((time.perf_counter() - t) * 1000)
    for m in motions:
        closed = director.call("POST", f"/api/v1/motions/{m}/close")
        if closed["ballotsCast"] != a.voters:
            raise SystemExit(f"motion {m}: {closed['ballotsCast']} ballots counted, {a.voters} cast")
        result = director.call("GET", f"/api/v1/motions/{m}/result")
        for c_ in ("YES", "NO", "ABSTAIN"):
            want = sum(1 for i in range(a.voters) if choice(i) == c_)
            if result[c_.lower()] != want:
                raise SystemExit(f"motion {m}: {c_} {result[c_.lower()]}, expected {want}")
    director.call("POST", f"/api/v1/meetings/{meeting}/close")
    s = sorted(at_once)
    p95 = s[min(len(s) - 1, int(round(0.95 * len(s))) - 1)]
    print(f"{a.voters} at once, {a.rounds} rounds: median {statistics.median(s):.1f} ms, p95 {p95:.1f} ms, "
          f"slowest {s[-1]:.1f} ms; one at a time: median {statistics.median(alone):.1f} ms; "
          f"every ballot counted once")


if __name__ == "__main__":
    main()
