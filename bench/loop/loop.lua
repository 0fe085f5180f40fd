-- loop: integer arithmetic in nested loops. Prints a checksum.
local n = 5800
local sum = 0
for i = 0, n - 1 do
  for j = 0, n - 1 do
    sum = (sum + i * j + (i ~ j)) % 1000003
  end
end
print(sum)
