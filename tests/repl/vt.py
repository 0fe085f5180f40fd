"""A small terminal emulator: enough of VT100/xterm for what readline and
goi write (cursor motion, erasing, colours ignored), so tests can assert
what is on the screen rather than the bytes that drew it."""


class Screen:
    def __init__(self, cols=80, rows=24):
        self.cols, self.rows = cols, rows
        self.lines = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.pending = ""
        self.wrap_next = False

    def _scroll(self):
        self.lines.pop(0)
        self.lines.append([" "] * self.cols)

    def _newline(self):
        if self.y == self.rows - 1:
            self._scroll()
        else:
            self.y += 1

    def _put(self, ch):
        if self.wrap_next:
            self.x = 0
            self._newline()
            self.wrap_next = False
        self.lines[self.y][self.x] = ch
        if self.x == self.cols - 1:
            self.wrap_next = True
        else:
            self.x += 1

    def _csi(self, params, final):
        private = params.startswith("?")
        nums = [int(p) if p.isdigit() else 0 for p in params.lstrip("?>").split(";")] if params.lstrip("?>") else []
        n = nums[0] if nums and nums[0] > 0 else 1
        if private:
            return
        self.wrap_next = False
        if final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.cols - 1, n - 1)
        elif final in "Hf":
            row = nums[0] if len(nums) > 0 and nums[0] else 1
            c = nums[1] if len(nums) > 1 and nums[1] else 1
            self.y, self.x = min(self.rows, row) - 1, min(self.cols, c) - 1
        elif final == "K":
            mode = nums[0] if nums else 0
            line = self.lines[self.y]
            rng = range(self.x, self.cols) if mode == 0 else range(0, self.x + 1) if mode == 1 else range(self.cols)
            for i in rng:
                line[i] = " "
        elif final == "J":
            mode = nums[0] if nums else 0
            if mode == 0:
                self._csi("0", "K")
                for r in range(self.y + 1, self.rows):
                    self.lines[r] = [" "] * self.cols
            elif mode == 2:
                self.lines = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "P":
            line = self.lines[self.y]
            del line[self.x:self.x + n]
            line.extend([" "] * n)
        elif final == "@":
            line = self.lines[self.y]
            for _ in range(n):
                line.insert(self.x, " ")
                line.pop()
        # m (colours), h/l (modes) and anything else: no effect on the text

    def feed(self, data):
        s = self.pending + data
        self.pending = ""
        i = 0
        while i < len(s):
            ch = s[i]
            if ch == "\x1b":
                if i + 1 >= len(s):
                    self.pending = s[i:]
                    return
                nxt = s[i + 1]
                if nxt == "[":
                    j = i + 2
                    while j < len(s) and not (0x40 <= ord(s[j]) <= 0x7E):
                        j += 1
                    if j >= len(s):
                        self.pending = s[i:]
                        return
                    self._csi(s[i + 2:j], s[j])
                    i = j + 1
                    continue
                if nxt == "]":  # OSC: up to BEL or ST
                    j = s.find("\x07", i)
                    if j < 0:
                        self.pending = s[i:]
                        return
                    i = j + 1
                    continue
                i += 2  # ESC = , ESC > and other two-byte sequences
                continue
            if ch == "\r":
                self.x = 0
                self.wrap_next = False
            elif ch == "\n":
                self._newline()
                self.wrap_next = False
            elif ch == "\b":
                self.x = max(0, self.x - 1)
                self.wrap_next = False
            elif ch == "\x07":
                pass
            elif ch == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif ch >= " ":
                self._put(ch)
            i += 1

    def text(self):
        return "\n".join("".join(l).rstrip() for l in self.lines).rstrip("\n")

    def cursor_line(self):
        return "".join(self.lines[self.y]).rstrip()
