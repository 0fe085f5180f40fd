#!/usr/bin/env python3
"""pty_test.py - goi's REPL driven through a real pseudo-terminal.

usage: pty_test.py GOI [readline|plain]

Each scenario starts `goi` on a fresh pseudo-terminal (80x24, TERM=xterm,
HOME in a temporary directory), types into it key by key as a person would,
and checks what the screen shows, rendered by the small terminal emulator in
vt.py. "plain" is a build without readline (meson -Dreadline=false): the
scenarios that need line editing (completion, history) are skipped.
Exit status 0 when every scenario passes.
"""
import os
import pty
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import fcntl
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vt import Screen  # noqa: E402

GOI = os.path.abspath(sys.argv[1])
HAVE_READLINE = len(sys.argv) < 3 or sys.argv[2] == "readline"
# Sanitizer builds are slow: scale every wait.
SLOW = float(os.environ.get("REPL_TEST_SLOWDOWN", "1"))
PROMPT = "goi>"


class Failure(Exception):
    pass


class Repl:
    """One goi process on a pseudo-terminal."""

    def __init__(self, home, cols=80, rows=24):
        self.screen = Screen(cols, rows)
        self.raw = bytearray()
        env = dict(os.environ, HOME=home, TERM="xterm", LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(GOI, [GOI], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.status = None
        self.expect(PROMPT)

    def pump(self, seconds):
        end = time.time() + seconds
        while True:
            left = end - time.time()
            if left <= 0:
                return
            r, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if r and not self._read():
                return

    def _read(self):
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.raw += data
        self.screen.feed(data.decode("utf-8", "replace"))
        return True

    def type(self, text, pause=0.02):
        """Type text a key at a time ('\\r' is Enter)."""
        for ch in text:
            os.write(self.fd, ch.encode())
            self.pump(pause * SLOW)

    def line(self, text):
        self.type(text + "\r")

    def expect(self, what, timeout=10):
        """Wait until the screen shows what (a string or a predicate)."""
        end = time.time() + timeout * SLOW
        while time.time() < end:
            if (what(self.screen) if callable(what) else what in self.screen.text()):
                return
            self.pump(0.05)
        raise Failure("screen never showed %r; it shows:\n%s" % (what, self.screen.text()))

    @staticmethod
    def _last_line(lines, marker, exact):
        found = [i for i, l in enumerate(lines) if (l == marker if exact else marker in l)]
        return found[-1] if found else -1

    def expect_prompt_after(self, marker, timeout=10, exact=False):
        """Wait for the output that follows the last line containing marker
        (or equal to it) and a fresh prompt after it."""
        def ready(s):
            lines = s.text().split("\n")
            idx = self._last_line(lines, marker, exact)
            return idx >= 0 and any(l.startswith(PROMPT) for l in lines[idx + 1:])
        self.expect(ready, timeout)

    def lines_after(self, marker, exact=False):
        lines = self.screen.text().split("\n")
        return lines[self._last_line(lines, marker, exact) + 1:]

    def run(self, stmt, timeout=10):
        """Type a one-line statement and return the lines it printed."""
        self.line(stmt)
        self.expect_prompt_after(PROMPT + " " + stmt, timeout, exact=True)
        out = self.lines_after(PROMPT + " " + stmt, exact=True)
        return out[:-1] if out and out[-1].startswith(PROMPT) else out

    def quit(self, keys="\x04"):
        self.type(keys)
        end = time.time() + 10 * SLOW
        while time.time() < end:
            self.pump(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                break
        else:
            raise Failure("goi did not exit after %r" % keys)
        self.pump(0.1)
        os.close(self.fd)
        return self.status

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            try:
                os.close(self.fd)
            except OSError:
                pass


def check(cond, msg, repl=None):
    if not cond:
        raise Failure(msg + ("\nscreen:\n" + repl.screen.text() if repl else ""))


# ------------------------------------------------------------------ scenarios

def multiline_function(r, home):
    r.line("func fib(n int) int {")
    r.expect("...")
    r.line("    if n < 2 {")
    r.line("        return n")
    r.line("    }")
    r.line("    return fib(n-1) + fib(n-2)")
    r.line("}")
    r.expect(lambda s: s.cursor_line().startswith(PROMPT))
    text = r.screen.text()
    check("...      return fib(n-1) + fib(n-2)" in text, "continuation lines are shown with '...'", r)
    check(r.run("fib(20)") == ["6765"], "fib(20) should print 6765", r)


def auto_printed_expression(r, home):
    check(r.run("x := 41") == [], ":= prints nothing", r)
    check(r.run("x + 1") == ["42"], "x + 1 prints 42", r)
    check(r.run('[]string{"a", "b"}') == ['[]string{"a", "b"}'], "a slice prints as Go syntax", r)
    check(r.run("time.Second * 90") == ["1m30s // time.Duration"], "a Stringer prints with its type", r)


def error_keeps_state(r, home):
    r.run("total := 10")
    out = r.run("total + missing")
    check(any("undefined: missing" in l for l in out), "the error is reported", r)
    check(any(l.strip() == "^" for l in out), "a caret points at the error", r)
    r.line("total = total +")  # unfinished: continues
    r.expect("...")
    r.line("5")
    r.expect_prompt_after("...  5")
    check(r.run("total") == ["15"], "the session keeps what was defined", r)


def tab_completion(r, home):
    r.type("strings.ToUp")
    r.type("\t", pause=0.3)
    r.expect(lambda s: s.cursor_line().startswith(PROMPT + " strings.ToUpper"))
    r.line('("gopher")')
    r.expect_prompt_after('strings.ToUpper("gopher")')
    check(r.lines_after('strings.ToUpper("gopher")')[0] == '"GOPHER"', "completed call runs", r)
    # several candidates: a second TAB lists them
    r.type("fmt.Sprint")
    r.type("\t\t", pause=0.3)
    r.expect("fmt.Sprintf")
    check("fmt.Sprintln" in r.screen.text(), "both candidates are listed", r)
    r.type("\x15")  # clear the line
    r.run("answer := 42")
    r.type("ans\t", pause=0.3)
    r.expect(lambda s: s.cursor_line() == PROMPT + " answer")
    r.line("")
    r.expect_prompt_after(PROMPT + " answer", exact=True)


def background_output_while_typing(r, home):
    r.line('go func() { for i := 1; i <= 3; i++ { time.Sleep(300 * time.Millisecond); fmt.Println("tick", i) } }()')
    partial = "fmt.Sprint(1, 2)"
    r.type(partial, pause=0.1)
    r.expect("tick 3", timeout=10)
    r.pump(0.2)
    if not HAVE_READLINE:
        # Without line editing the output lands in the middle of the typed
        # text (the terminal echoes it), but nothing is lost.
        r.line("")
        r.expect('"1 2"')
        return
    lines = r.screen.text().split("\n")
    check(lines[-1] == PROMPT + " " + partial, "the line being typed is intact below the output", r)
    ticks = [l for l in lines if l.startswith("tick")]
    check(ticks == ["tick 1", "tick 2", "tick 3"], "each tick is on a line of its own", r)
    check(r.screen.cursor_line() == PROMPT + " " + partial, "the cursor is on the edited line", r)
    r.line("")
    r.expect_prompt_after(partial)
    check(r.lines_after(PROMPT + " " + partial)[0] == '"1 2"', "the typed line still runs", r)


def interrupt_infinite_loop(r, home):
    r.run("n := 0")
    r.line('fmt.Println("looping"); for { n++ }')
    r.expect(lambda s: s.text().endswith("looping"))  # it runs
    r.pump(0.2)
    r.type("\x03")
    r.expect("interrupted")
    r.expect_prompt_after("interrupted")
    out = r.run("n > 0")
    check(out == ["true"], "the loop ran, and the session goes on", r)
    # a statement blocked on a channel, with a goroutine still alive elsewhere
    r.run("go func() { time.Sleep(time.Hour) }()")
    r.line('fmt.Println("waiting"); <-make(chan int)')
    r.expect(lambda s: s.text().endswith("waiting"))
    r.pump(0.2)
    r.type("\x03")
    r.expect("left behind [chan receive]")
    check(r.run("1 + 1") == ["2"], "the REPL answers after the interrupt", r)
    # Ctrl-C at the prompt drops an unfinished input
    r.line("func half() {")
    r.expect("...")
    r.type("\x03")
    r.expect(lambda s: s.cursor_line() == PROMPT)
    check(r.run('"fresh"') == ['"fresh"'], "the unfinished input was dropped", r)


def history_across_sessions(r, home):
    r.run("remembered := 12345")
    check(r.quit(":quit\r") == 0, ":quit exits with status 0")
    hist = open(os.path.join(home, ".goi_history")).read()
    check("remembered := 12345" in hist, "~/.goi_history holds the lines typed:\n" + hist)
    r2 = Repl(home)
    try:
        r2.type("\x1b[A", pause=0.2)  # up: ":quit"
        r2.type("\x1b[A", pause=0.2)  # up: the declaration
        r2.expect(lambda s: s.cursor_line() == PROMPT + " remembered := 12345")
        r2.line("")
        r2.expect_prompt_after("remembered := 12345")
        check(r2.run("remembered") == ["12345"], "the recalled line runs", r2)
        check(r2.quit() == 0, "Ctrl-D exits with status 0")
    finally:
        r2.kill()


def goroutines_command(r, home):
    r.run("block := make(chan bool)")
    r.run("go func() { <-block }()")
    out = r.run(":goroutines")
    check(any("[chan receive]" in l and "main.repl" in l for l in out), ":goroutines lists the blocked goroutine", r)


def os_exit_at_prompt(r, home):
    r.line('go func() { time.Sleep(300 * time.Millisecond); fmt.Println("bye"); os.Exit(3) }()')
    r.type("abc", pause=0.05)
    end = time.time() + 10 * SLOW
    while time.time() < end:
        r.pump(0.05)
        pid, status = os.waitpid(r.pid, os.WNOHANG)
        if pid:
            r.status = os.waitstatus_to_exitcode(status)
            break
    check(r.status == 3, "os.Exit(3) in a goroutine ends the REPL with status 3 (got %r)" % r.status, r)
    r.pump(0.2)
    check("bye" in r.screen.text(), "output written before os.Exit is shown", r)


SCENARIOS = [
    (multiline_function, False),
    (auto_printed_expression, False),
    (error_keeps_state, False),
    (tab_completion, True),
    (background_output_while_typing, False),
    (interrupt_infinite_loop, False),
    (history_across_sessions, True),
    (goroutines_command, False),
    (os_exit_at_prompt, False),
]


def main():
    failed = 0
    for scenario, needs_readline in SCENARIOS:
        name = scenario.__name__
        if needs_readline and not HAVE_READLINE:
            print("SKIP %s (built without readline)" % name)
            continue
        home = tempfile.mkdtemp(prefix="goi-repl-")
        r = None
        try:
            r = Repl(home)
            scenario(r, home)
            if r.status is None:
                check(r.quit() == 0, "Ctrl-D exits with status 0", r)
            print("ok   %s" % name)
        except Exception as e:  # a failed check or a broken harness
            failed += 1
            print("FAIL %s: %s" % (name, e))
            if not isinstance(e, Failure):
                traceback.print_exc()
        finally:
            if r:
                r.kill()
            shutil.rmtree(home, ignore_errors=True)
    print("%d of %d scenarios failed" % (failed, len(SCENARIOS)) if failed else "all scenarios passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
