-- wrk script: POSTs the JSON body in the environment variable BODY (or the bytes of the file named by
-- BODY_FILE, sent as CONTENT_TYPE) to the URL's path, and counts non-2xx answers so that the report
-- says how many requests failed.
wrk.method = "POST"
local file = os.getenv("BODY_FILE")
if file and file ~= "" then
  local f = assert(io.open(file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/octet-stream"
else
  wrk.body = os.getenv("BODY")
  wrk.headers["Content-Type"] = "application/json"
end

local failed = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then
    failed = failed + 1
    if failed <= 3 then
      io.stderr:write("status " .. status .. ": " .. body .. "\n")
    end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("JSON {\"requests\": %d, \"duration_s\": %.3f, \"rps\": %.1f, \"p50_ms\": %.3f, \"p90_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"socket_errors\": %d, \"non2xx\": %d}\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
