# loop: integer arithmetic in nested loops. Prints a checksum.
def main():
    n = 5800
    s = 0
    for i in range(n):
        for j in range(n):
            s = (s + i * j + (i ^ j)) % 1000003
    print(s)


main()
