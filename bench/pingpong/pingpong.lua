-- pingpong: 1,000,000 round trips between the main program and a coroutine
-- (resume/yield), the closest sequential equivalent of two goroutines
-- handing values over unbuffered channels.
local rounds = 1000000

local partner = coroutine.wrap(function(v)
  while true do
    v = coroutine.yield(v + 1)
  end
end)

local v, sum = 0, 0
for _ = 1, rounds do
  v = partner(v)
  sum = (sum * 31 + v) % 1000003
end
print(v .. " " .. sum)
