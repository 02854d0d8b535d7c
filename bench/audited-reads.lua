-- wrk script for bench/audited-reads: each request reads one resident's profile, level or passes
-- through the API, residents and kinds in turn, with the director's session cookie.
local residents = {}
local kinds = { "", "/level", "/passes" }
local n = 0

function init(args)
  for line in io.lines(os.getenv("RESIDENTS")) do
    if #line > 0 then residents[#residents + 1] = line end
  end
  wrk.headers["Cookie"] = os.getenv("COOKIE")
  wrk.headers["Accept"] = "application/json"
end

function request()
  n = n + 1
  local resident = residents[(n % #residents) + 1]
  local kind = kinds[(n % #kinds) + 1]
  return wrk.format("GET", "/api/v1/residents/" .. resident .. kind)
end
