/* time.c - natives of package time: clocks, the local zone, Sleep and the
 * bridge to the scheduler's timers (runtime/timer.c). */
#include "../runtime/runtime.h"
#include "natives.h"

#include <time.h>

/* time.Time is 4 slots: sec since year 1, nsec, monotonic reading, *Location. */
#define UNIX_TO_INTERNAL 62135596800ll

/* The Go variable time.Local, so timer ticks carry the local zone. Static
 * storage is scanned by the collector. */
static void *local_location;

static void make_time(Value *dst, int64_t wall, int64_t mono) {
    dst[0].i = wall / 1000000000 + UNIX_TO_INTERNAL;
    dst[1].i = wall % 1000000000;
    dst[2].i = mono ? mono : 1; /* 0 means "no monotonic reading" */
    dst[3].p = local_location;
}

static int set_local(G *g, Value *a) {
    local_location = a[0].p;
    rt_timer_value = make_time;
    return NATIVE_OK;
}

static int now(G *g, Value *a) {
    int64_t wall = rt_walltime(), mono = rt_nanotime();
    a[0].i = wall / 1000000000;
    a[1].i = wall % 1000000000;
    a[2].i = mono ? mono : 1;
    return NATIVE_OK;
}

static int nanotime(G *g, Value *a) {
    a[0].i = rt_nanotime();
    return NATIVE_OK;
}

static int zone_of(G *g, Value *a) {
    time_t t = (time_t)a[0].i;
    struct tm tm;
    localtime_r(&t, &tm);
    ret_str(a, str_from_cstr(tm.tm_zone ? tm.tm_zone : "UTC"));
    a[2].i = tm.tm_gmtoff;
    return NATIVE_OK;
}

static int sleep_native(G *g, Value *a) {
    switch (rt_sleep(g, a[0].i)) {
    case RT_OK: return NATIVE_OK;
    case RT_PARKED: return NATIVE_PARK;
    default: return NATIVE_PANIC;
    }
}

static int start_timer(G *g, Value *a) {
    a[0].p = rt_timer_new(a[0].i, a[1].i, a[2].p, a[3].p);
    return NATIVE_OK;
}

static int stop_timer(G *g, Value *a) {
    ret_bool(a, a[0].p && rt_timer_stop(a[0].p));
    return NATIVE_OK;
}

static int reset_timer(G *g, Value *a) {
    ret_bool(a, rt_timer_reset(a[0].p, a[1].i, a[2].i));
    return NATIVE_OK;
}

const NativeDef stdlib_natives_time[] = {
    NATIVE("setLocal", set_local),     NATIVE("now", now),
    NATIVE("nanotime", nanotime),      NATIVE("zoneOf", zone_of),
    NATIVE("Sleep", sleep_native),     NATIVE("startTimer", start_timer),
    NATIVE("stopTimer", stop_timer),   NATIVE("resetTimer", reset_timer),
    NATIVES_END,
};
