-- sort_ints: sorting — table.sort on 1,000,000 pseudo-random integers from
-- a fixed linear congruential generator, then a checksum of the result.
local n = 1000000
local xs = {}
local seed = 42
for i = 1, n do
  seed = (seed * 1103515245 + 12345) % 2147483648
  xs[i] = seed
end
table.sort(xs)
local sum = 0
for i = 1, n, 1000 do
  sum = (sum * 31 + xs[i]) % 1000000007
end
print(xs[1] .. " " .. xs[n // 2 + 1] .. " " .. xs[n] .. " " .. sum)
