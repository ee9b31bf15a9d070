-- wrk script: GETs file parts in turn from a list of paths (one per line, args[1]), prefixed by args[2].
-- Prints one JSON line at the end (requests, bytes, latency), like prolog.lua.
local paths = {}
local next_path = 0
local prefix = ""

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  prefix = args[2] or ""
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", prefix .. paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"bytes":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.bytes, summary.duration, e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99)))
end
