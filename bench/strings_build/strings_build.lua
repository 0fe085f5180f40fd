-- strings_build: string building — 500,000 string.format calls collected
-- in a table and concatenated, then a checksum of the result (its length,
-- the number of '7' bytes, its last 24 bytes).
local words = {"alpha", "beta", "gamma", "delta", "epsilon"}
local parts, n = {}, 0
local fmt = string.format
for i = 0, 499999 do
  n = n + 1
  parts[n] = fmt("%d:%s=%x;", i, words[i % 5 + 1], i * 7)
  if i % 10 == 0 then
    n = n + 1
    parts[n] = words[i % 3 + 1]
    n = n + 1
    parts[n] = "\n"
  end
end
local s = table.concat(parts)
local _, sevens = s:gsub("7", "")
print(#s .. " " .. sevens .. " " .. s:sub(-24))
