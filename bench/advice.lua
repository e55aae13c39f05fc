-- wrk script for POST /advice (bench/service.sh): the same 162 assessments as LoadClient.mix(), each cause,
-- sensitivity and inflammation at pain 2, 5 and 8, sent in turn on each connection. No response() function: with
-- one, wrk hands every answer to Lua; without, it still reports answers that are not 2xx or 3xx ("Non-2xx").
local causes = {"MUSCLE_TENSION", "PIRIFORMIS_SYNDROME", "GLUTEUS_MINIMUS_REFERRAL", "HERNIATED_DISC", "SPINAL_STENOSIS", "UNKNOWN"}
local levels = {"LOW", "MODERATE", "HIGH"}
local inflammations = {"NONE", "MILD", "ACUTE"}
local pains = {2, 5, 8}
local bodies = {}
for _, c in ipairs(causes) do
  for _, s in ipairs(levels) do
    for _, i in ipairs(inflammations) do
      for _, p in ipairs(pains) do
        local body = '{"cause": "' .. c .. '", "sensitivity": "' .. s .. '", "inflammation": "' .. i
            .. '", "painLevel": ' .. p .. ', "tenseAreas": ["PIRIFORMIS"]}'
        bodies[#bodies + 1] = body
      end
    end
  end
end

local threads = 0
function setup(thread)
  thread:set("id", threads) -- threads start at different points of the mix
  threads = threads + 1
end

local requests = {}
function init(args)
  -- built here, not at load: only now does wrk.format know the Host header
  for k, body in ipairs(bodies) do
    requests[k] = wrk.format("POST", "/advice", {["Content-Type"] = "application/json"}, body)
  end
  n = id * 17
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
