/* rand.c - natives of package math/rand (stdlib/go/rand.go): Go's default
 * source, an additive lagged Fibonacci generator (Mitchell and Reeds), and
 * the ziggurat tables. The Go declaration of the source is
 *     type rngSource struct { tap int; feed int; vec [607]int64 }
 * slots: [0] tap, [1] feed, [2..] vec. */
#include "natives.h"
#include "rand_tables.h"

enum { R_TAP, R_FEED, R_VEC };

#define INT32MAX 2147483647

/* The Park-Miller "minimal standard" generator, used only for seeding. */
static int32_t seedrand(int32_t x) {
    const int32_t a = 48271, q = 44488, r = 3399;
    int32_t hi = x / q, lo = x % q;
    x = a * lo - r * hi;
    if (x < 0) x += INT32MAX;
    return x;
}

static void rng_seed(Value *rng, int64_t seed) {
    rng[R_TAP].i = 0;
    rng[R_FEED].i = RAND_LEN - RAND_TAP;
    seed %= INT32MAX;
    if (seed < 0) seed += INT32MAX;
    if (seed == 0) seed = 89482311;
    int32_t x = (int32_t)seed;
    for (int i = -20; i < RAND_LEN; i++) {
        x = seedrand(x);
        if (i >= 0) {
            uint64_t u = (uint64_t)(int64_t)x << 40;
            x = seedrand(x);
            u ^= (uint64_t)(int64_t)x << 20;
            x = seedrand(x);
            u ^= (uint64_t)(int64_t)x;
            u ^= (uint64_t)rand_cooked[i];
            rng[R_VEC + i].u = u;
        }
    }
}

static uint64_t rng_next(Value *rng) {
    int64_t tap = rng[R_TAP].i - 1, feed = rng[R_FEED].i - 1;
    /* indices stay in range even if racing goroutines misuse the source */
    if (tap < 0 || tap >= RAND_LEN) tap = ((tap % RAND_LEN) + RAND_LEN) % RAND_LEN;
    if (feed < 0 || feed >= RAND_LEN) feed = ((feed % RAND_LEN) + RAND_LEN) % RAND_LEN;
    rng[R_TAP].i = tap;
    rng[R_FEED].i = feed;
    uint64_t x = rng[R_VEC + feed].u + rng[R_VEC + tap].u;
    rng[R_VEC + feed].u = x;
    return x;
}

/* func (rng *rngSource) Seed(seed int64) */
static int n_seed(G *g, Value *a) {
    rng_seed(a[0].p, a[1].i);
    return NATIVE_OK;
}

/* func (rng *rngSource) Uint64() uint64 */
static int n_uint64(G *g, Value *a) {
    a[0].u = rng_next(a[0].p);
    return NATIVE_OK;
}

/* func (rng *rngSource) Int63() int64 */
static int n_int63(G *g, Value *a) {
    a[0].i = (int64_t)(rng_next(a[0].p) & 0x7FFFFFFFFFFFFFFFULL);
    return NATIVE_OK;
}

/* func normStrip(i int) (k uint32, w, f, fprev float32) and expStrip */
static int n_norm_strip(G *g, Value *a) {
    int64_t i = a[0].i & 0x7F;
    a[0].u = rand_kn[i];
    a[1].f = rand_wn[i];
    a[2].f = rand_fn[i];
    a[3].f = i ? rand_fn[i - 1] : 0;
    return NATIVE_OK;
}

static int n_exp_strip(G *g, Value *a) {
    int64_t i = a[0].i & 0xFF;
    a[0].u = rand_ke[i];
    a[1].f = rand_we[i];
    a[2].f = rand_fe[i];
    a[3].f = i ? rand_fe[i - 1] : 0;
    return NATIVE_OK;
}

const NativeDef stdlib_natives_math_rand[] = {
    NATIVE("expStrip", n_exp_strip),
    NATIVE("normStrip", n_norm_strip),
    NATIVE("rngSource.Int63", n_int63),
    NATIVE("rngSource.Seed", n_seed),
    NATIVE("rngSource.Uint64", n_uint64),
    NATIVES_END,
};
