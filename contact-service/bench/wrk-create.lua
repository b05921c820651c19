-- wrk script for bench.sh: POST /api/v1/contacts, a new e-mail address on every request (each one a create, never
-- a merge). The tenant's key comes from the environment: LIFELINE_BENCH_API_KEY.
local key = os.getenv("LIFELINE_BENCH_API_KEY")
local counter = 0

function setup(thread)
  thread:set("tid", tostring(math.random(1, 1000000000)))
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"name":"Wrk %d","email":"wrk-%s-%d@bench.example","consents":{"email":true},"tags":["bench"]}',
    counter, tid, counter)
  return wrk.format("POST", "/api/v1/contacts",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }, body)
end
