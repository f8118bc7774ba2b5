-- wrk script for bench/web.py: requests cycle through the paths in $BENCH_PATHS (one per line),
-- and the summary is printed as one JSON line (latencies in microseconds). Thread t of $BENCH_THREADS
-- requests paths t, t + T, t + 2T, ...: no two threads repeat a path before the list runs out.
local paths = {}
local path_file = os.getenv("BENCH_PATHS")
for line in io.lines(path_file) do
  if #line > 0 then paths[#paths + 1] = line end
end
local threads = {}
local counter = 0
local step = tonumber(os.getenv("BENCH_THREADS") or "1")

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = id - step
  statuses = {}
end

function request()
  counter = counter + step
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local codes = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do codes[code] = (codes[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(codes) do parts[#parts + 1] = string.format('"%d": %d', code, n) end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d, '
      .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "status": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout, table.concat(parts, ", ")))
end
