-- map_ops: maps — 1,000,000 integer keys and 1,000,000 string keys
-- inserted, looked up (half of the lookups miss), half deleted, and looked
-- up again.
local n = 1000000
local m, len = {}, 0
for i = 0, n - 1 do
  local k = i * 7919 % n
  if m[k] == nil then len = len + 1 end
  m[k] = i
end
local sum = 0
for i = 0, 2 * n - 1, 2 do
  local v = m[i]
  if v ~= nil then sum = sum + v end
end
for i = 0, n - 1, 2 do
  if m[i] ~= nil then len = len - 1 end
  m[i] = nil
end
local hits = 0
for i = 0, n - 1 do
  if m[i] ~= nil then hits = hits + 1 end
end
print(len .. " " .. sum .. " " .. hits)

local keys = {}
for i = 0, n - 1 do keys[i + 1] = "k" .. (i * 7919 % n) end
local s, slen = {}, 0
for i = 1, n do
  local k = keys[i]
  if s[k] == nil then slen = slen + 1 end
  s[k] = i - 1
end
sum = 0
for i = 1, n do sum = sum + (s[keys[i]] or 0) end
for i = 1, n, 2 do
  local k = keys[i]
  if s[k] ~= nil then slen = slen - 1 end
  s[k] = nil
end
hits = 0
for i = 1, n do
  if s[keys[i]] ~= nil then hits = hits + 1 end
end
print(slen .. " " .. sum .. " " .. hits)
