#!/usr/bin/env python3
"""Pre-run steps of bench/run.sh that talk HTTP to the service (python3 stdlib only).

  prepare.py tokens  --url URL --work DIR   sign in every bench agent and the supervisor -> DIR/tokens.lua, tokens.json
  prepare.py cursors --url URL --work DIR --depth N [--agents K]
        walk N/20 pages of GET /api/calls?limit=20 with nextCursor for K agents -> DIR/cursors.lua
        exit 3 (and write nothing) when the service has no cursor paging (no "nextCursor" in the body)
"""
import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def call(url, method="GET", body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read().decode())


def lua_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tokens(args):
    with open(f"{args.work}/fixtures.json") as f:
        fx = json.load(f)
    out = {"agents": [], "supervisor": None, "admin": None}
    for name in fx["agents"]:
        out["agents"].append(call(f"{args.url}/api/auth/token", "POST", {"username": name, "password": fx["password"]})["accessToken"])
    out["supervisor"] = call(f"{args.url}/api/auth/token", "POST", {"username": fx["supervisor"], "password": fx["password"]})["accessToken"]
    out["admin"] = call(f"{args.url}/api/auth/token", "POST", {"username": fx["admin"], "password": fx["password"]})["accessToken"]
    with open(f"{args.work}/tokens.json", "w") as f:
        json.dump(out, f)
    with open(f"{args.work}/tokens.lua", "w") as f:
        f.write("-- Written by bench/prepare.py tokens. Bearer tokens of this run's service.\nreturn {\n  agents = {\n")
        for t in out["agents"]:
            f.write(f"    {lua_str(t)},\n")
        f.write(f"  }},\n  supervisor = {lua_str(out['supervisor'])},\n  admin = {lua_str(out['admin'])},\n}}\n")
    print(f"signed in {len(out['agents'])} agents, the supervisor and the admin")


def cursors(args):
    with open(f"{args.work}/tokens.json") as f:
        toks = json.load(f)
    pages = max(1, args.depth // 20)
    first = call(f"{args.url}/api/calls?limit=20", token=toks["agents"][0])
    if "nextCursor" not in first:
        print("the service has no cursor paging (no nextCursor in GET /api/calls): 3b skipped", file=sys.stderr)
        return 3
    found = []
    for i in range(min(args.agents, len(toks["agents"]))):
        token = toks["agents"][i]
        cursor = None
        walked = 0
        for _ in range(pages):
            q = "limit=20" + ("&cursor=" + urllib.parse.quote(cursor, safe="") if cursor else "")
            page = call(f"{args.url}/api/calls?{q}", token=token)
            cursor = page.get("nextCursor")
            walked += len(page.get("items", []))
            if not cursor:
                break
        if cursor:
            found.append((i + 1, urllib.parse.quote(cursor, safe=""), walked))
    if not found:
        print(f"no agent has {args.depth} calls to page through: 3b skipped", file=sys.stderr)
        return 3
    with open(f"{args.work}/cursors.lua", "w") as f:
        f.write("-- Written by bench/prepare.py cursors: {agent index (1-based, tokens.lua), URL-encoded cursor}.\nreturn {\n")
        for idx, cur, _ in found:
            f.write(f"  {{{idx}, {lua_str(cur)}}},\n")
        f.write("}\n")
    print(f"cursors at depth {found[0][2]} for {len(found)} agents ({pages} pages each)")
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["tokens", "cursors"])
    p.add_argument("--url", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--depth", type=int, default=10000)
    p.add_argument("--agents", type=int, default=4)
    args = p.parse_args()
    try:
        return tokens(args) or 0 if args.what == "tokens" else cursors(args)
    except urllib.error.HTTPError as e:
        print(f"HTTP {e.code} from {e.url}: {e.read()[:500]!r}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
