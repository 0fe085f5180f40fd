# map_ops: maps — 1,000,000 int keys and 1,000,000 string keys inserted,
# looked up (half of the lookups miss), half deleted, and looked up again.
n = 1000000
m = {}
for i in range(n):
    m[i * 7919 % n] = i
total = 0
for i in range(0, 2 * n, 2):
    v = m.get(i)
    if v is not None:
        total += v
for i in range(0, n, 2):
    m.pop(i, None)
hits = 0
for i in range(n):
    if i in m:
        hits += 1
print(len(m), total, hits)

keys = ["k" + str(i * 7919 % n) for i in range(n)]
s = {}
for i, k in enumerate(keys):
    s[k] = i
total = 0
for k in keys:
    total += s[k]
for i in range(0, n, 2):
    s.pop(keys[i], None)
hits = 0
for k in keys:
    if k in s:
        hits += 1
print(len(s), total, hits)
