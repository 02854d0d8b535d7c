"""Signing in to Milieu over real HTTP, for the benchmark scripts (standard library only)."""
import http.client, re, urllib.parse


def sign_in(host, port, username, password="milieu-demo"):
    """Signs in through the sign-in form; answers the cookie jar (session and XSRF-TOKEN)."""
    c = http.client.HTTPConnection(host, port, timeout=60)
    c.request("GET", "/login")
    r = c.getresponse(); body = r.read().decode()
    jar = cookies({}, r)
    token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode({"username": username, "password": password, "_csrf": token})
    c.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": header(jar)})
    r = c.getresponse(); r.read()
    if r.status != 302 or "error" in (r.getheader("Location") or ""):
        raise SystemExit(f"sign-in as {username} failed: {r.status} {r.getheader('Location')}")
    jar = cookies(jar, r)
    # a first API call hands out the XSRF-TOKEN that writes with the session cookie must echo
    c.request("GET", "/api/v1/houses", headers={"Cookie": header(jar), "Accept": "application/json"})
    r = c.getresponse(); r.read()
    return cookies(jar, r)


def cookies(jar, response):
    """The jar with the cookies the response sets."""
    for value in response.msg.get_all("Set-Cookie") or []:
        name, _, rest = value.split(";")[0].partition("=")
        jar[name] = rest
    return jar


def header(jar):
    """The jar as a Cookie header."""
    return "; ".join(f"{k}={v}" for k, v in jar.items())
