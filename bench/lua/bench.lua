-- wrk script for every TeleCmi bench scenario. Picked by BENCH_SCENARIO:
--   list_agent       (1)  GET /api/calls?limit=20 as the 50 agents, tokens rotated per request
--   list_agent_nototal (1′) the same with includeTotal=false: the first page without its total count
--   list_supervisor  (2)  GET /api/calls?status=completed&from&to&limit=20, a moving ~30-day window, as the supervisor
--   deep_offset      (3a) GET /api/calls?limit=20&offset=$BENCH_DEEP_OFFSET as the agents
--   deep_cursor      (3b) GET /api/calls?limit=20&cursor=<cursor at the same depth> (cursors.lua from bench/cursor_walk.py)
--   webhooks         (4)  POST /api/webhooks/telecmi?token=... events and CDRs for seeded calls
--   report           (5)  GET /api/reports/daily?from=$BENCH_REPORT_FROM&to=$BENCH_REPORT_TO as the supervisor
--   initiate         (6)  POST /api/calls {"driverId":...}, a different driver with no live call each time
--   standin          (6″) the stand-in's own click2call (POST /v2/webrtc/click2call on src/TeleCmiStandIn) as the service's
--                         gateway sends it: the stand-in's latency measured alone, to subtract from (6′)
--   soak                  a mix of list_agent (45 %), list_supervisor (15 %) and webhooks (40 %)
-- Reads $BENCH_WORK/fixtures.lua (bench/Seed), tokens.lua and cursors.lua (bench/run.sh).
-- done() writes one JSON object to $BENCH_WRK_JSON: latency percentiles in microseconds, requests, duration,
-- socket errors, HTTP status counts, and counts of webhook results; with $BENCH_IDS_FILE also the delivery ids
-- acknowledged with 200 (one a line).

local scenario = os.getenv("BENCH_SCENARIO") or "list_agent"
local work = os.getenv("BENCH_WORK") or "."
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")

local fixtures = dofile(work .. "/fixtures.lua")
local tokens = dofile(work .. "/tokens.lua")
local cursors = nil
if scenario == "deep_cursor" then cursors = dofile(work .. "/cursors.lua") end

local webhook_token = os.getenv("BENCH_WEBHOOK_TOKEN") or ""
local app_secret = os.getenv("BENCH_APP_SECRET") or ""
local deep_offset = os.getenv("BENCH_DEEP_OFFSET") or "10000"
local report_from = os.getenv("BENCH_REPORT_FROM") or ""
local report_to = os.getenv("BENCH_REPORT_TO") or ""
local span_days = tonumber(os.getenv("BENCH_SPAN_DAYS") or "540")
-- Drivers for (6): the free list is split in four blocks so that the warm-ups and the measured runs never
-- call the same driver within the service's 30 s double-tap window (a 409 would count as an error).
local driver_start = tonumber(os.getenv("BENCH_DRIVER_START") or "0")
local driver_block = tonumber(os.getenv("BENCH_DRIVER_BLOCK") or "0")
if os.getenv("BENCH_WARMUP") == "1" then driver_block = driver_block + 2 end

-- BENCH_PACE_MS: each connection waits 0.5-1.5 x this long before each request (paced load instead of closed-loop;
-- wrk's latency does not include the wait). 32 connections at 640 ms with ~60 ms calls: ~45 calls/s.
local pace_ms = tonumber(os.getenv("BENCH_PACE_MS") or "0")
if pace_ms > 0 then
  function delay()
    return math.random(math.floor(pace_ms / 2), math.floor(pace_ms * 3 / 2))
  end
end

-- ------------------------------------------------------------------ per-thread state
local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

tid = 0
counter = 0
statuses = {}
results = {}
webhooks_ok = 0
acked = {}

function init(args)
  math.randomseed(os.time() + tid * 7919)
  counter = 0
end

local function bearer(token)
  return { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
end

local function agent_token()
  local n = #tokens.agents
  local i = ((counter * nthreads + tid) % n) + 1
  return tokens.agents[i]
end

local function iso(t) return os.date("!%Y-%m-%dT%H:%M:%SZ", t) end

-- ------------------------------------------------------------------ requests
local function list_agent()
  return wrk.format("GET", "/api/calls?limit=20", bearer(agent_token()))
end

local function list_agent_nototal()
  return wrk.format("GET", "/api/calls?limit=20&includeTotal=false", bearer(agent_token()))
end

local function list_supervisor()
  -- A ~30-day window ending somewhere in the last 18 months (a supervisor browsing history).
  local now = os.time()
  local to = now - math.random(0, span_days - 30) * 86400 - math.random(0, 86399)
  local from = to - (28 + math.random(0, 4)) * 86400
  local path = "/api/calls?status=completed&from=" .. iso(from) .. "&to=" .. iso(to) .. "&limit=20"
  return wrk.format("GET", path, bearer(tokens.supervisor))
end

local function deep_offset_req()
  return wrk.format("GET", "/api/calls?limit=20&offset=" .. deep_offset, bearer(agent_token()))
end

local function deep_cursor_req()
  local c = cursors[((counter * nthreads + tid) % #cursors) + 1]
  return wrk.format("GET", "/api/calls?limit=20&cursor=" .. c[2], bearer(tokens.agents[c[1]]))
end

local function report_req()
  return wrk.format("GET", "/api/reports/daily?from=" .. report_from .. "&to=" .. report_to, bearer(tokens.supervisor))
end

local function initiate_req()
  local drivers = fixtures.free_drivers
  local block = math.floor(#drivers / 4)
  local i = (driver_block % 4) * block + ((driver_start + counter * nthreads + tid) % block) + 1
  local body = '{"driverId":"' .. drivers[i] .. '"}'
  local headers = bearer(agent_token())
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/calls", headers, body)
end

-- The body the service's gateway sends (TELECMI.md), for a seeded driver's number (none ends in the stand-in's failure
-- suffixes 0001-0006) and a call id that does not exist: the stand-in's webhooks for it are stored unmatched.
local function standin_req()
  local c = fixtures.webhook_calls[((counter * nthreads + tid) % #fixtures.webhook_calls) + 1]
  local body = '{"user_id":"' .. c[7] .. '","secret":"' .. app_secret .. '","to":' .. c[6]
    .. ',"extra_params":{"call_id":"bench-standin-' .. tid .. '-' .. counter .. '"},"webrtc":false,"followme":true}'
  return wrk.format("POST", "/v2/webrtc/click2call", { ["Content-Type"] = "application/json" }, body)
end

-- Webhooks: the shapes TeleCMI sends (docs + the built-in stand-in), for calls that exist.
-- Each fixture row: {call_id, request_id, conversation_uuid, agent_leg, driver_leg, to_digits, user, talk_seconds, created_ms}
local kinds = {
  -- {type, status, leg, weight}
  {"event", "started", "a", 14}, {"event", "answered", "a", 12}, {"event", "started", "b", 12}, {"event", "answered", "b", 10},
  {"event", "hangup", "a", 6}, {"event", "hangup", "b", 6},
  {"cdr", "answered", "a", 12}, {"cdr", "answered", "b", 16}, {"cdr", "missed", "a", 5}, {"cdr", "missed", "b", 7},
}
local kind_total = 0
for _, k in ipairs(kinds) do kind_total = kind_total + k[4] end
local hangups = {"sent_bye", "recv_bye", "recv_cancel", "sent_reject"}

local function pick_kind()
  local x = math.random() * kind_total
  for _, k in ipairs(kinds) do
    if x < k[4] then return k end
    x = x - k[4]
  end
  return kinds[#kinds]
end

local function webhook_body()
  local c = fixtures.webhook_calls[math.random(1, #fixtures.webhook_calls)]
  local k = pick_kind()
  local typ, status, leg = k[1], k[2], k[3]
  local quoted = math.random() < 0.5
  local ext = string.match(c[7], "^(%d+)_") or "5001"
  local at = c[9] + math.random(500, 60000)
  local parts = {
    '"type":"' .. typ .. '"', '"status":"' .. status .. '"', '"leg":"' .. leg .. '"', '"direction":"outbound"',
    '"cmiuuid":"' .. (leg == "a" and c[4] or c[5]) .. '"',
    '"conversation_uuid":"' .. c[3] .. '"',
    '"request_id":"' .. c[2] .. '"',
    '"call_id":"' .. string.format("%08x-%04x", math.random(0, 0x7fffffff), math.random(0, 0xffff)) .. '"',
    '"user":"' .. c[7] .. '"',
    quoted and ('"time":"' .. string.format("%d", at) .. '"') or ('"time":' .. string.format("%d", at)),
    quoted and ('"to":"' .. (leg == "a" and ext or c[6]) .. '"') or ('"to":' .. (leg == "a" and ext or c[6])),
    '"from":918069000000', '"virtual_number":"918069000000"',
    quoted and '"appid":"1111112"' or '"app_id":1111112',
  }
  local r = math.random()
  if r < 0.75 then
    table.insert(parts, '"extra_params":{"call_id":"' .. c[1] .. '"}')
  elseif r < 0.90 then
    table.insert(parts, '"extra_params":"{\\"call_id\\":\\"' .. c[1] .. '\\"}"')
  end -- else: no extra_params, matched by request_id
  if typ == "cdr" then
    local secs = 0
    if status == "answered" then secs = (leg == "b") and c[8] or (c[8] + 7) end
    table.insert(parts, quoted and ('"answeredsec":"' .. secs .. '"') or ('"answeredsec":' .. secs))
    table.insert(parts, '"hangup_reason":"' .. (status == "missed" and "recv_cancel" or hangups[math.random(1, 2)]) .. '"')
    if leg == "b" and status == "answered" and math.random() < 0.7 then
      table.insert(parts, '"record":true')
      table.insert(parts, '"filename":"' .. c[9] .. "_" .. c[1] .. '.wav"')
    else
      table.insert(parts, quoted and '"record":"false"' or '"record":false')
    end
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function webhook_req()
  return wrk.format("POST", "/api/webhooks/telecmi?token=" .. webhook_token,
    { ["Content-Type"] = "application/json" }, webhook_body())
end

local function soak_req()
  local x = math.random()
  if x < 0.45 then return list_agent() end
  if x < 0.60 then return list_supervisor() end
  return webhook_req()
end

local builders = {
  list_agent = list_agent, list_agent_nototal = list_agent_nototal, list_supervisor = list_supervisor, deep_offset = deep_offset_req, deep_cursor = deep_cursor_req,
  webhooks = webhook_req, report = report_req, initiate = initiate_req, standin = standin_req, soak = soak_req,
}
local build = builders[scenario] or error("unknown BENCH_SCENARIO " .. scenario)

function request()
  counter = counter + 1
  return build()
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 and body and string.find(body, '"deliveryId"', 1, true) then
    webhooks_ok = webhooks_ok + 1
    local id = string.match(body, '"deliveryId"%s*:%s*(%d+)')
    if id then acked[#acked + 1] = id end
    local res = string.match(body, '"result"%s*:%s*"([%w_]+)"')
    if res then results[res] = (results[res] or 0) + 1 end
  end
end

-- ------------------------------------------------------------------ summary
local function json_map(t)
  local parts = {}
  for k, v in pairs(t) do table.insert(parts, string.format('"%s":%d', tostring(k), v)) end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local all_status, all_results, hooks = {}, {}, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses") or {}) do all_status[k] = (all_status[k] or 0) + v end
    for k, v in pairs(t:get("results") or {}) do all_results[k] = (all_results[k] or 0) + v end
    hooks = hooks + (t:get("webhooks_ok") or 0)
  end
  local e = summary.errors
  local out = string.format(
    '{"scenario":"%s","requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"non_2xx_3xx":%d,' ..
    '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d},' ..
    '"statuses":%s,"webhook_results":%s,"webhooks_ok":%d}',
    scenario, summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency.min, latency.mean, latency.stdev,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    json_map(all_status), json_map(all_results), hooks)
  -- Every delivery id the service acknowledged with 200, for the zero-lost check (bench/check_deliveries.py).
  local ids_path = os.getenv("BENCH_IDS_FILE")
  if ids_path and ids_path ~= "" then
    local f = assert(io.open(ids_path, "w"))
    for _, t in ipairs(threads) do
      for _, id in ipairs(t:get("acked") or {}) do f:write(id, "\n") end
    end
    f:close()
  end
  local path = os.getenv("BENCH_WRK_JSON")
  if path and path ~= "" then
    local f = assert(io.open(path, "w"))
    f:write(out, "\n")
    f:close()
  end
  io.write("BENCH_JSON ", out, "\n")
end
