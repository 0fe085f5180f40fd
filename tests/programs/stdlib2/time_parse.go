package main

import (
	"fmt"
	"time"
)

func main() {
	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("IST", 5*3600+1800)
	base := time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	for i := 0; i < 12; i++ {
		t := base.Add(time.Duration(i) * 913 * time.Hour).Add(time.Duration(i*i) * 7777 * time.Millisecond)
		fmt.Println(t, t.In(est), t.In(ist).Format(time.RFC1123Z), t.YearDay(), t.Weekday())
		y, w := t.ISOWeek()
		fmt.Println(" ", y, w, t.Truncate(24*time.Hour), t.Round(time.Hour), t.Round(7*time.Second), t.Truncate(1500*time.Millisecond).Format(time.StampMilli))
	}
	for _, t := range []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-5, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(1900, 2, 28, 12, 0, 0, 0, time.UTC), time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		y, w := t.ISOWeek()
		fmt.Println(t, t.Weekday(), t.YearDay(), y, w, t.Unix())
	}
	cases := [][2]string{
		{time.RFC3339, "2006-01-02T15:04:05+07:00"},
		{time.RFC3339, "2006-01-02T15:04:05-03:30"},
		{time.RFC3339Nano, "2021-06-01T01:02:03.123456789Z"},
		{time.RFC3339, "2006-01-02T15:04:05.5Z"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC"},
		{time.RFC1123Z, "Tue, 10 Nov 2009 23:00:00 +0100"},
		{time.RFC822, "02 Jan 06 15:04 UTC"},
		{time.ANSIC, "Thu Feb  4 21:00:57 2010"},
		{time.Kitchen, "3:04PM"},
		{"2006-01-02", "2019-02-29"},
		{"2006-01-02", "2020-02-30"},
		{"2006-01-02 15:04", "2020-01-01 24:00"},
		{"02 Jan 2006", "31 Dec 1999"},
		{"Jan 2 2006", "Feb 30 2001"},
		{"2006-002", "2020-060"},
		{"15:04:05.000", "10:11:12.345"},
		{"15:04:05", "10:11:12.345"},
		{"2006-01-02 MST", "2020-05-05 PDT"},
		{"2006-01-02T15:04:05Z0700", "2020-05-05T01:02:03+0530"},
		{"Monday 2006", "Funday 2006"},
		{"2006", "abc"},
		{"2006-01-02", "2006-01-02 extra"},
		{"01/02/2006", "1/2/2006"},
		{"1/2/2006", "01/02/2006"},
		{"3:04:05 pm", "11:00:00 am"},
	}
	for _, c := range cases {
		t, err := time.Parse(c[0], c[1])
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		name, off := t.Zone()
		fmt.Println(t, name, off, t.UTC(), t.Location())
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", "2022-07-04 09:30", est)
	fmt.Println(t, err, t.UTC())
	fmt.Println(est, ist, time.UTC, time.Date(2020, 1, 1, 0, 0, 0, 0, est).Format(time.RFC3339))
	d := time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)
	fmt.Println(d.AddDate(0, 1, 0), d.AddDate(0, -2, 0), d.AddDate(1, 0, 0), d.Sub(d.AddDate(-1, 0, 0)))
	fmt.Println(time.Unix(0, 0).UTC(), time.Unix(-1, -1).UTC(), time.UnixMilli(1).UTC(), time.UnixMicro(1500).UTC())
	a := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(2020, 1, 1, 5, 30, 0, 0, ist)
	fmt.Println(a.Equal(b), a == b, a.Before(b), a.After(b), b.Sub(a))
}
