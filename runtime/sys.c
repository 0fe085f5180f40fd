/* sys.c - what the runtime needs from the OS: clocks, the CPU count, and
 * fast per-thread random numbers (wyrand, seeded from the clock, the
 * thread and a global counter so that threads never share a sequence). */
#include "rt_internal.h"

#include <sched.h>
#include <time.h>
#include <unistd.h>

int rt_ncpu = 1;

int64_t rt_nanotime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t rt_walltime(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Like Go, count the CPUs this process may run on (its affinity mask),
 * not the machine's. */
static int count_cpus(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return n;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int rt_num_cpu(void) { return rt_ncpu; }

void sys_init(void) { rt_ncpu = count_cpus(); }

static _Thread_local uint64_t rand_state;
static _Atomic uint64_t rand_seed_counter;

static void rand_seed(void) {
    uint64_t s = (uint64_t)rt_nanotime() ^ ((uint64_t)(uintptr_t)&rand_state << 16) ^
                 (atomic_fetch_add(&rand_seed_counter, 1) * 0x9E3779B97F4A7C15ULL);
    rand_state = s | 1;
}

uint64_t rt_fastrand64(void) {
    if (unlikely(rand_state == 0)) rand_seed();
    rand_state += 0xa0761d6478bd642fULL;
    __uint128_t m = (__uint128_t)rand_state * (rand_state ^ 0xe7037ed1a0b428dbULL);
    return (uint64_t)(m >> 64) ^ (uint64_t)m;
}

uint32_t rt_fastrand(void) { return (uint32_t)rt_fastrand64(); }
