package main

import (
	"errors"
	"fmt"
	"time"
)

func main() {
	t := time.Date(2023, time.March, 5, 14, 7, 9, 123456789, time.UTC)
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
		"2006-01-02", "02/01/06 15:04", "Jan _2 2006", "Monday, January 2, 2006 3:04:05 PM MST", "2006-01-02T15:04:05.000Z07:00", "15:04:05.999999", "15:04:05.000000000", ".00 .99 ,000", "Mon Jan 2 __2 002", "-0700 -07:00 -07 Z0700 Z07:00", "pm PM 03 3"}
	for _, l := range layouts {
		fmt.Printf("%q => %q\n", l, t.Format(l))
	}
	fmt.Println(t)
	fmt.Println(t.String(), t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Weekday(), t.YearDay())
	y, w := t.ISOWeek()
	fmt.Println(y, w)
	t2 := t.Add(36*time.Hour + 30*time.Minute)
	fmt.Println(t2, t2.Sub(t), t2.After(t), t.Before(t2), t2.Equal(t2))
	fmt.Println(t.AddDate(0, 1, 30).Format(time.RFC3339), t.AddDate(-1, -3, 0).Format("2006-01-02"))
	fmt.Println(t.Truncate(time.Hour), t.Round(time.Minute))
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli(), time.Unix(1700000000, 0).UTC())
	ds := []time.Duration{0, 1, 999, time.Microsecond, 1500 * time.Microsecond, time.Second, 90 * time.Second, 2*time.Hour + 3*time.Millisecond, -5 * time.Minute, 1<<63 - 1, -1 << 63}
	for _, d := range ds {
		fmt.Println(d, d.Seconds(), d.Minutes(), d.Hours(), d.Milliseconds(), d.Microseconds(), d.Round(time.Second), d.Truncate(time.Minute))
	}
	for _, s := range []string{"1h30m", "1.5h", "300ms", "-2m3.5s", "1us", "1µs", "10ns", "", "1", "abc", "1d", "1h1h", ".5s", "9999999999h"} {
		d, err := time.ParseDuration(s)
		fmt.Println(s, d, err)
	}
	fmt.Printf("%v %s %d %T\n", time.Second, time.Minute, time.Millisecond, time.Hour)
	fmt.Println(time.Month(13), time.Weekday(7), time.Saturday, time.December)
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix())
	p, err := time.Parse("2006-01-02 15:04:05", "2021-12-31 23:59:58")
	fmt.Println(p, err)
	p, err = time.Parse(time.RFC3339, "2020-02-29T12:00:00Z")
	fmt.Println(p, err, p.Weekday())
	_, err = time.Parse("2006-01-02", "2021-13-01")
	fmt.Println(err)
	_, err = time.Parse("2006-01-02", "garbage")
	fmt.Println(err)
	p, err = time.Parse("Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (UTC)")
	fmt.Println(p, err)
	var pe *time.ParseError
	fmt.Println(errors.As(err, &pe))
	d := time.Date(2024, 2, 30, 25, 61, 0, 0, time.UTC)
	fmt.Println(d)
	fmt.Println(t.MarshalText())
}
