// Package time measures and displays time. This is goi's version: timers
// live in the scheduler (runtime/timer.c), so Sleep parks the goroutine and
// an idle thread sleeps until the next deadline.
package time

import "errors"

// A Duration represents the elapsed time between two instants as an int64
// nanosecond count.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// String returns a string representing the duration in the form "72h3m0.5s".
func (d Duration) String() string {
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var s string
	if u < uint64(Second) {
		var prec int
		var unit string
		switch {
		case u == 0:
			return "0s"
		case u < uint64(Microsecond):
			prec, unit = 0, "ns"
		case u < uint64(Millisecond):
			prec, unit = 3, "µs"
		default:
			prec, unit = 6, "ms"
		}
		frac, rest := fmtFrac(u, prec)
		s = itoa(rest) + frac + unit
	} else {
		frac, secs := fmtFrac(u, 9)
		s = itoa(secs%60) + frac + "s"
		mins := secs / 60
		if mins > 0 {
			s = itoa(mins%60) + "m" + s
			hours := mins / 60
			if hours > 0 {
				s = itoa(hours) + "h" + s
			}
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// fmtFrac formats the fraction of v/10**prec (e.g. ".12345") without
// trailing zeros, and returns it with v/10**prec.
func fmtFrac(v uint64, prec int) (string, uint64) {
	digits := ""
	printed := false
	for i := 0; i < prec; i++ {
		digit := v % 10
		printed = printed || digit != 0
		if printed {
			digits = string(rune('0'+digit)) + digits
		}
		v /= 10
	}
	if printed {
		digits = "." + digits
	}
	return digits, v
}

func itoa(v uint64) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

func (d Duration) Nanoseconds() int64  { return int64(d) }
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns d rounded toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns d rounded to the nearest multiple of m (halfway away from zero).
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns the absolute value of d.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// ---------------------------------------------------------------- instants

// A Location maps time instants to the zone in use at that time.
type Location struct {
	name string
}

var utcLoc = Location{"UTC"}
var localLoc = Location{"Local"}

// UTC represents Coordinated Universal Time; Local the system's time zone.
var UTC *Location = &utcLoc
var Local *Location = &localLoc

func (l *Location) String() string {
	if l == nil {
		return "UTC"
	}
	return l.name
}

// A Time represents an instant in time with nanosecond precision.
type Time struct {
	sec  int64 // seconds since January 1, year 1 00:00:00 UTC
	nsec int64 // [0, 999999999]
	mono int64 // monotonic clock reading, 0 if none
	loc  *Location
}

const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

func init() { setLocal(Local) }

func setLocal(l *Location)
func now() (sec int64, nsec int64, mono int64)
func nanotime() int64
func zoneOf(unixSec int64) (name string, offset int)

// Now returns the current local time.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec + unixToInternal, nsec, mono, Local}
}

// Unix returns the local Time corresponding to the given Unix time.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec + unixToInternal, nsec, 0, Local}
}

func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// Since returns the time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

// Sub returns the duration t-u.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	return d
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.mono != 0 {
		t.mono += int64(d)
	}
	return t
}

func (t Time) After(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

func (t Time) Before(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

func (t Time) Equal(u Time) bool {
	if t.mono != 0 && u.mono != 0 {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

func (t Time) IsZero() bool          { return t.sec == 0 && t.nsec == 0 }
func (t Time) Unix() int64           { return t.sec - unixToInternal }
func (t Time) UnixNano() int64       { return (t.sec-unixToInternal)*1e9 + t.nsec }
func (t Time) UnixMilli() int64      { return (t.sec-unixToInternal)*1e3 + t.nsec/1e6 }
func (t Time) UnixMicro() int64      { return (t.sec-unixToInternal)*1e6 + t.nsec/1e3 }
func (t Time) Nanosecond() int       { return int(t.nsec) }
func (t Time) UTC() Time             { t.loc = UTC; return t }
func (t Time) Local() Time           { t.loc = Local; return t }
func (t Time) In(loc *Location) Time { t.loc = loc; return t }
func (t Time) Round(d Duration) Time { t.mono = 0; return t }
func (t Time) Truncate(d Duration) Time {
	t.mono = 0
	if d <= 0 {
		return t
	}
	ns := t.UnixNano()
	return t.Add(-Duration(ns % int64(d)))
}

func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

// abs returns the time in seconds since year 1 in t's zone, and the zone.
func (t Time) abs() (int64, string, int) {
	if t.loc == nil || t.loc == UTC {
		return t.sec, "UTC", 0
	}
	name, offset := zoneOf(t.sec - unixToInternal)
	return t.sec + int64(offset), name, offset
}

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}
var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (m Month) String() string {
	if January <= m && m <= December {
		return longMonthNames[m-1]
	}
	return "%!Month(" + itoa(uint64(m)) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return longDayNames[d]
	}
	return "%!Weekday(" + itoa(uint64(d)) + ")"
}

// civil converts days since January 1, year 1 into a date.
func civil(days int64) (year int, month Month, day int, yday int) {
	// shift to days since 0000-03-01 (Howard Hinnant's civil_from_days)
	z := days + 306
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	year, month, day = int(y), Month(m), int(d)
	yday = int(days-daysBefore(year)) + 1
	return
}

// daysBefore returns the days from January 1, year 1 to January 1 of year.
func daysBefore(year int) int64 {
	y := int64(year) - 1
	return y*365 + y/4 - y/100 + y/400
}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

func (t Time) Date() (year int, month Month, day int) {
	s, _, _ := t.abs()
	days := s / 86400
	if s < 0 && s%86400 != 0 {
		days--
	}
	year, month, day, _ = civil(days)
	return
}

func (t Time) Clock() (hour, min, sec int) {
	s, _, _ := t.abs()
	r := s % 86400
	if r < 0 {
		r += 86400
	}
	return int(r / 3600), int(r % 3600 / 60), int(r % 60)
}

func (t Time) Year() int    { y, _, _ := t.Date(); return y }
func (t Time) Month() Month { _, m, _ := t.Date(); return m }
func (t Time) Day() int     { _, _, d := t.Date(); return d }
func (t Time) Hour() int    { h, _, _ := t.Clock(); return h }
func (t Time) Minute() int  { _, m, _ := t.Clock(); return m }
func (t Time) Second() int  { _, _, s := t.Clock(); return s }
func (t Time) YearDay() int {
	s, _, _ := t.abs()
	_, _, _, yd := civil(s / 86400)
	return yd
}
func (t Time) Weekday() Weekday {
	s, _, _ := t.abs()
	days := s / 86400
	// January 1, year 1 was a Monday
	return Weekday((days + 1) % 7)
}

// Date returns the Time corresponding to yyyy-mm-dd hh:mm:ss + nsec in loc.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	// normalise month into [1, 12]
	m := int(month) - 1
	year += m / 12
	m %= 12
	if m < 0 {
		m += 12
		year--
	}
	days := daysBefore(year)
	for i := 0; i < m; i++ {
		days += int64(daysIn(Month(i+1), year))
	}
	days += int64(day - 1)
	abs := days*86400 + int64(hour)*3600 + int64(min)*60 + int64(sec)
	abs += int64(nsec / 1e9)
	ns := int64(nsec % 1e9)
	if ns < 0 {
		ns += 1e9
		abs--
	}
	t := Time{abs, ns, 0, loc}
	if loc != nil && loc != UTC {
		_, offset := zoneOf(abs - unixToInternal)
		t.sec -= int64(offset)
	}
	return t
}

func daysIn(m Month, year int) int {
	switch m {
	case February:
		if isLeap(year) {
			return 29
		}
		return 28
	case April, June, September, November:
		return 30
	}
	return 31
}

// AddDate returns the time corresponding to adding the given years, months and days.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// ---------------------------------------------------------------- formatting

const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

func pad(v int, width int) string {
	s := itoa(uint64(v))
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// Format returns a textual representation of the time value formatted
// according to layout, which shows how the reference time
// Mon Jan 2 15:04:05 -0700 MST 2006 would be displayed.
func (t Time) Format(layout string) string {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	_, zname, offset := t.abs()
	out := ""
	for i := 0; i < len(layout); {
		rest := layout[i:]
		switch {
		case hasPrefix(rest, "2006"):
			out += pad(year, 4)
			i += 4
		case hasPrefix(rest, "January"):
			out += month.String()
			i += 7
		case hasPrefix(rest, "Jan"):
			out += month.String()[:3]
			i += 3
		case hasPrefix(rest, "Monday"):
			out += t.Weekday().String()
			i += 6
		case hasPrefix(rest, "Mon"):
			out += t.Weekday().String()[:3]
			i += 3
		case hasPrefix(rest, "MST"):
			out += zname
			i += 3
		case hasPrefix(rest, "01"):
			out += pad(int(month), 2)
			i += 2
		case hasPrefix(rest, "02"):
			out += pad(day, 2)
			i += 2
		case hasPrefix(rest, "_2"):
			if day < 10 {
				out += " "
			}
			out += itoa(uint64(day))
			i += 2
		case hasPrefix(rest, "06"):
			out += pad(year%100, 2)
			i += 2
		case hasPrefix(rest, "15"):
			out += pad(hour, 2)
			i += 2
		case hasPrefix(rest, "03"):
			out += pad(hour12(hour), 2)
			i += 2
		case hasPrefix(rest, "04"):
			out += pad(min, 2)
			i += 2
		case hasPrefix(rest, "05"):
			out += pad(sec, 2)
			i += 2
		case hasPrefix(rest, "Z07:00") || hasPrefix(rest, "-07:00") || hasPrefix(rest, "Z0700") || hasPrefix(rest, "-0700"):
			n := 5
			colon := false
			if rest[0] == 'Z' {
				if hasPrefix(rest, "Z07:00") {
					n, colon = 6, true
				}
			} else if hasPrefix(rest, "-07:00") {
				n, colon = 6, true
			}
			if rest[0] == 'Z' && offset == 0 {
				out += "Z"
			} else {
				sign := "+"
				o := offset
				if o < 0 {
					sign, o = "-", -o
				}
				out += sign + pad(o/3600, 2)
				if colon {
					out += ":"
				}
				out += pad(o%3600/60, 2)
			}
			i += n
		case hasPrefix(rest, "PM"):
			if hour >= 12 {
				out += "PM"
			} else {
				out += "AM"
			}
			i += 2
		case hasPrefix(rest, "pm"):
			if hour >= 12 {
				out += "pm"
			} else {
				out += "am"
			}
			i += 2
		case (hasPrefix(rest, ".0") || hasPrefix(rest, ".9") || hasPrefix(rest, ",0") || hasPrefix(rest, ",9")) && fracRun(rest) > 0:
			n := fracRun(rest)
			digits := pad(int(t.nsec), 9)[:n]
			if rest[1] == '9' {
				for len(digits) > 0 && digits[len(digits)-1] == '0' {
					digits = digits[:len(digits)-1]
				}
				if digits != "" {
					out += rest[:1] + digits
				}
			} else {
				out += rest[:1] + digits
			}
			i += 1 + n
		case hasPrefix(rest, "1"):
			out += itoa(uint64(month))
			i++
		case hasPrefix(rest, "2"):
			out += itoa(uint64(day))
			i++
		case hasPrefix(rest, "3"):
			out += itoa(uint64(hour12(hour)))
			i++
		case hasPrefix(rest, "4"):
			out += itoa(uint64(min))
			i++
		case hasPrefix(rest, "5"):
			out += itoa(uint64(sec))
			i++
		default:
			out += rest[:1]
			i++
		}
	}
	return out
}

// fracRun counts the run of 0s or 9s after a '.' or ',' in a layout.
func fracRun(s string) int {
	c := s[1]
	n := 0
	for 1+n < len(s) && s[1+n] == c {
		n++
	}
	if 1+n < len(s) && s[1+n] >= '0' && s[1+n] <= '9' {
		return 0
	}
	if n > 9 {
		n = 9
	}
	return n
}

func hour12(h int) int {
	h %= 12
	if h == 0 {
		h = 12
	}
	return h
}

// String returns the time formatted as "2006-01-02 15:04:05.999999999 -0700 MST".
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.mono != 0 {
		m := t.mono
		sign := "+"
		if m < 0 {
			sign, m = "-", -m
		}
		s += " m=" + sign + itoa(uint64(m/1e9)) + "." + pad(int(m%1e9), 9)
	}
	return s
}

// ---------------------------------------------------------------- sleeping and timers

// Sleep pauses the current goroutine for at least the duration d.
func Sleep(d Duration)

type rtimer struct{ _ int }

func startTimer(when int64, period int64, c chan Time, f func()) *rtimer
func stopTimer(r *rtimer) bool
func resetTimer(r *rtimer, when int64, period int64) bool

func when(d Duration) int64 {
	if d <= 0 {
		return nanotime()
	}
	t := nanotime() + int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}

// The Timer type represents a single event. When the Timer expires, the
// current time will be sent on C, unless the Timer was created by AfterFunc.
type Timer struct {
	C <-chan Time
	r *rtimer
}

// NewTimer creates a new Timer that will send the current time on its
// channel after at least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.r = startTimer(when(d), 0, c, nil)
	return t
}

// Stop prevents the Timer from firing. It returns true if the call stops
// the timer, false if the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.r == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.r)
}

// Reset changes the timer to expire after duration d.
func (t *Timer) Reset(d Duration) bool {
	if t.r == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.r, when(d), 0)
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{}
	t.r = startTimer(when(d), 0, nil, f)
	return t
}

// After waits for the duration to elapse and then sends the current time
// on the returned channel.
func After(d Duration) <-chan Time { return NewTimer(d).C }

// A Ticker holds a channel that delivers ticks of a clock at intervals.
type Ticker struct {
	C <-chan Time
	r *rtimer
}

// NewTicker returns a new Ticker sending the time on its channel every d.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic(errors.New("non-positive interval for NewTicker"))
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c}
	t.r = startTimer(when(d), int64(d), c, nil)
	return t
}

// Stop turns off a ticker.
func (t *Ticker) Stop() {
	if t.r != nil {
		stopTimer(t.r)
	}
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.r, when(d), int64(d))
}

// Tick is a convenience wrapper for NewTicker providing access to the
// ticking channel only.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// ParseDuration parses a duration string such as "300ms", "-1.5h" or "2h45m".
func ParseDuration(s string) (Duration, error) {
	orig := s
	var d uint64
	neg := false
	if s != "" {
		c := s[0]
		if c == '-' || c == '+' {
			neg = c == '-'
			s = s[1:]
		}
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	for s != "" {
		var v, f uint64
		scale := 1.0
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pl := len(s)
		for s != "" && '0' <= s[0] && s[0] <= '9' {
			v = v*10 + uint64(s[0]-'0')
			s = s[1:]
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			for s != "" && '0' <= s[0] && s[0] <= '9' {
				f = f*10 + uint64(s[0]-'0')
				scale *= 10
				s = s[1:]
			}
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := s[:i]
		s = s[i:]
		var unit uint64
		switch u {
		case "ns":
			unit = uint64(Nanosecond)
		case "us", "µs", "μs":
			unit = uint64(Microsecond)
		case "ms":
			unit = uint64(Millisecond)
		case "s":
			unit = uint64(Second)
		case "m":
			unit = uint64(Minute)
		case "h":
			unit = uint64(Hour)
		default:
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / scale))
		}
		d += v
	}
	if neg {
		return -Duration(d), nil
	}
	return Duration(d), nil
}

func quote(s string) string { return "\"" + s + "\"" }
