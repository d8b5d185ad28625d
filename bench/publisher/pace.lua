-- Paces each wrk connection with a fixed think time (milliseconds, from env PACE_MS) so that
-- connections x 1000 / PACE_MS approximates a target request rate. wrk is closed-loop (wrk2 is not
-- available here): the delay is taken before each request and not counted in its latency.
local pace = tonumber(os.getenv("PACE_MS") or "0")
local etag = os.getenv("IF_NONE_MATCH")
function init(args)
  if etag ~= nil and etag ~= "" then
    wrk.headers["If-None-Match"] = etag
  end
end
function delay()
  return pace
end
