-- binary_trees: allocation and pointers (benchmarks game), depth 16.
local function bottomUp(depth)
  if depth <= 0 then return {} end
  return { bottomUp(depth - 1), bottomUp(depth - 1) }
end

local function check(n)
  if n[1] == nil then return 1 end
  return 1 + check(n[1]) + check(n[2])
end

local maxDepth, minDepth = 16, 4
local stretch = bottomUp(maxDepth + 1)
io.write(string.format("stretch tree of depth %d\t check: %d\n", maxDepth + 1, check(stretch)))
local longLived = bottomUp(maxDepth)
for depth = minDepth, maxDepth, 2 do
  local iterations = 1 << (maxDepth - depth + minDepth)
  local c = 0
  for _ = 1, iterations do c = c + check(bottomUp(depth)) end
  io.write(string.format("%d\t trees of depth %d\t check: %d\n", iterations, depth, c))
end
io.write(string.format("long lived tree of depth %d\t check: %d\n", maxDepth, check(longLived)))
