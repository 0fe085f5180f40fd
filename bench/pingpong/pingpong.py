# pingpong: 1,000,000 round trips between the main program and a generator
# (send/yield), the closest sequential equivalent of two goroutines handing
# values over unbuffered channels.
def partner():
    v = yield
    while True:
        v = yield v + 1


def main():
    rounds = 1000000
    p = partner()
    next(p)
    v, s = 0, 0
    for _ in range(rounds):
        v = p.send(v)
        s = (s * 31 + v) % 1000003
    print(v, s)


main()
