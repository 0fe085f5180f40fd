# binary_trees: allocation and pointers (benchmarks game), depth 16.
import sys
sys.setrecursionlimit(10000)


def bottom_up(depth):
    if depth <= 0:
        return (None, None)
    return (bottom_up(depth - 1), bottom_up(depth - 1))


def check(n):
    if n[0] is None:
        return 1
    return 1 + check(n[0]) + check(n[1])


max_depth, min_depth = 16, 4
stretch = bottom_up(max_depth + 1)
print("stretch tree of depth %d\t check: %d" % (max_depth + 1, check(stretch)))
long_lived = bottom_up(max_depth)
for depth in range(min_depth, max_depth + 1, 2):
    iterations = 1 << (max_depth - depth + min_depth)
    c = 0
    for _ in range(iterations):
        c += check(bottom_up(depth))
    print("%d\t trees of depth %d\t check: %d" % (iterations, depth, c))
print("long lived tree of depth %d\t check: %d" % (max_depth, check(long_lived)))
