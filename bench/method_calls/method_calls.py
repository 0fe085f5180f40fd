# method_calls: dynamic dispatch, 10 million method calls.
class Square:
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s


class Rect:
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h


class Tri:
    def __init__(self, b, h): self.b, self.h = b, h
    def area(self): return self.b * self.h // 2


shapes = [Square(3), Rect(2, 5), Tri(4, 6)]
total = 0
for i in range(10000000):
    total += shapes[i % 3].area()
print(total)
