# sort_ints: sorting — list.sort on 1,000,000 pseudo-random ints from a
# fixed linear congruential generator, then a checksum of the result.
n = 1000000
xs = [0] * n
seed = 42
for i in range(n):
    seed = (seed * 1103515245 + 12345) % 2147483648
    xs[i] = seed
xs.sort()
total = 0
for i in range(0, n, 1000):
    total = (total * 31 + xs[i]) % 1000000007
print(xs[0], xs[n // 2], xs[n - 1], total)
