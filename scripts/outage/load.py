#!/usr/bin/env python3
"""Mixed load on a running TeleCmi API for the database-outage log measurement (docs/OPERATIONS.md).

Signs in once as the bootstrap admin, creates one driver, then runs WORKERS threads, each with its own keep-alive
connection, cycling through: GET /api/calls, GET /api/reports/summary, POST /api/calls/manual,
POST /api/webhooks/telecmi?token=..., GET /health/ready. Runs for --seconds and prints the HTTP status counts as JSON.
Standard library only.

  python3 scripts/outage/load.py --base http://127.0.0.1:5099 --seconds 75 --user admin --password ... --webhook-token ...
"""
import argparse
import collections
import http.client
import json
import threading
import time
import urllib.parse
import uuid


def request(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--webhook-token", required=True)
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.base)

    def connect():
        return http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    setup = connect()
    status, data = request(setup, "POST", "/api/auth/token", {"username": args.user, "password": args.password})
    assert status == 200, (status, data)
    token = json.loads(data)["accessToken"]
    driver_id = "DRV-" + uuid.uuid4().hex[:10]
    status, data = request(setup, "POST", "/api/drivers",
                           {"id": driver_id, "name": "Outage Driver", "phone": "9876543210", "tmId": "TM1", "kind": "driver"}, token)
    assert status == 201, (status, data)

    def webhook():
        n = uuid.uuid4().hex[:12]
        return {"type": "event", "status": "started", "leg": "a", "direction": "outbound", "cmiuuid": "a-leg-" + n,
                "conversation_uuid": "conv-" + n, "request_id": "req-" + n, "to": "919100000001", "from": "918000000000",
                "appid": "1111112", "time": str(int(time.time() * 1000))}

    mix = [
        ("GET", "/api/calls?limit=20", None, True),
        ("GET", "/api/reports/summary", None, True),
        ("POST", "/api/calls/manual", lambda: {"driverId": driver_id, "outcome": "busy"}, True),
        ("POST", "/api/webhooks/telecmi?token=" + urllib.parse.quote(args.webhook_token), webhook, False),
        ("GET", "/health/ready", None, False),
    ]
    counts = collections.Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds

    def worker(index):
        conn = connect()
        i = index
        local = collections.Counter()
        while time.monotonic() < deadline:
            method, path, body, authenticated = mix[i % len(mix)]
            i += 1
            try:
                status, _ = request(conn, method, path, body() if body else None, token if authenticated else None)
                local[f"{path.split('?')[0]} {status}"] += 1
            except (OSError, http.client.HTTPException) as error:
                local[f"{path.split('?')[0]} {type(error).__name__}"] += 1
                conn.close()
                conn = connect()
                time.sleep(0.05)
        with lock:
            counts.update(local)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"requests": sum(counts.values()), "by_status": dict(sorted(counts.items()))}, indent=1))


if __name__ == "__main__":
    main()
