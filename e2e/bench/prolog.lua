-- wrk script: POSTs the PROLOG of a different agent each time, from a file of precompressed bodies
-- (each preceded by its length as 6 ASCII digits). Prints one JSON line at the end.
local bodies = {}
local next_body = 0

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local data = file:read("*a")
  file:close()
  local pos = 1
  while pos <= #data do
    local length = tonumber(data:sub(pos, pos + 5))
    bodies[#bodies + 1] = data:sub(pos + 6, pos + 5 + length)
    pos = pos + 6 + length
  end
  next_body = math.random(#bodies)
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/ocsinventory", { ["User-Agent"] = "OCS-NG_unified_unix_agent_v2.10.0", ["Content-Type"] = "application/x-compress" }, bodies[next_body])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99)))
end
