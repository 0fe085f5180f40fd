# strings_build: string building — 500,000 %-formats written to an
# io.StringIO, then a checksum of the result (its length, the number of
# '7' characters, its last 24 characters).
import io

words = ["alpha", "beta", "gamma", "delta", "epsilon"]
b = io.StringIO()
w = b.write
for i in range(500000):
    w("%d:%s=%x;" % (i, words[i % 5], i * 7))
    if i % 10 == 0:
        w(words[i % 3])
        w("\n")
s = b.getvalue()
print(len(s), s.count("7"), s[-24:])
