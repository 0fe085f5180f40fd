/* map.c - Go maps.
 *
 * LAYOUT. A map is a compact, insertion-ordered array of entries plus an
 * open-addressing index into it (the scheme of CPython's dict):
 *
 *   entries  cap entries of esize slots each: [hash|LIVE] [key slots] [value slots]
 *            in the slot layout of the key and element types
 *   index    2*cap uint32 cells (a power of two); a cell holds entry number + 1,
 *            0 is empty; probing is triangular (i, i+1, i+3, i+6 ...)
 *
 * New entries are appended at `used`. Deleting clears the entry's hash slot
 * (so probes skip it and iteration does not produce it) and its value; the
 * index cell stays, pointing at the dead entry, until the next rebuild. When
 * `used` reaches `cap` the table is rebuilt into a fresh MapTable sized for
 * the live entries: doubled when mostly live, the same or smaller when many
 * were deleted. Old tables are never modified after a rebuild and stay valid
 * for anyone still holding them (the collector frees them).
 *
 * The stored hash always has its top bit set (LIVE), which doubles as the
 * liveness mark and keeps the slot from looking like a heap pointer to the
 * conservative collector.
 *
 * ITERATION visits entry positions [0, used-at-start) starting at a random
 * position and wrapping around, so small maps iterate in rotated insertion
 * order, as Go's single-bucket maps do. Dead entries are skipped. If the map
 * was rebuilt since the iteration started, each remaining old entry is looked
 * up in the current table: deleted keys are skipped, and the current value
 * is produced (Go's mapiternext does the same for grown maps). Keys that are
 * not equal to themselves (NaN) cannot be looked up and are produced as
 * they were.
 *
 * KEYS. Three key classes, chosen once per map type: WORD (one slot compared
 * bitwise: integers, bool, pointers, channels), STRING, and GENERIC (floats,
 * interfaces, structs, arrays: value_hash/value_equal). Every map has its
 * own random seed.
 *
 * CONCURRENCY. Maps are not synchronised, as in Go. A write sets a flag for
 * its duration, and a write or read that finds it set is reported as Go
 * reports it ("fatal error: concurrent map writes"). Misuse that slips past
 * the flag must not crash the interpreter: every operation reads the table
 * pointer once and stays inside that table's bounds, entry numbers in the
 * index are published only after the entry is written, and key slots of
 * deleted entries are left intact so a racing probe never reads a torn key.
 */
#include "vm.h"
#include "../runtime/runtime.h"

#include <time.h>

enum { KEY_GENERIC, KEY_WORD, KEY_STRING };

#define LIVE (1ULL << 63)
#define MIN_CAP 8
/* Preallocate at most this many entries for make(map, hint). */
#define MAX_HINT_CAP (1 << 20)

typedef struct MapTable {
    Value *entries;
    uint32_t *index;
    uint64_t mask;   /* index cells - 1 */
    int64_t cap;     /* entries */
    int64_t used;    /* entries appended so far, live or dead */
} MapTable;

struct Map {
    Type *type;
    Type *ktype, *vtype;
    uint32_t ksize, vsize, esize;
    uint8_t kclass;
    bool scanned;    /* entries hold pointers: allocate scanned memory */
    int writing;     /* a write is in progress (concurrent misuse detection) */
    uint64_t seed;
    MapTable *tab;   /* NULL until the first insert */
    int64_t count;   /* live entries */
};

/* ---------------------------------------------------------------- random */

static __thread uint64_t rng_state;

static uint64_t map_rand(void) {
    if (unlikely(rng_state == 0)) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        rng_state = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^ (uintptr_t)&rng_state;
        rng_state |= 1;
    }
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* --------------------------------------------------------------- hashing */

static inline uint64_t mum(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t read64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint64_t read32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

#define P0 0xa0761d6478bd642fULL
#define P1 0xe7037ed1a0b428dbULL
#define P2 0x8ebc6af09c88c6e3ULL
#define P3 0x589965cc75374cc3ULL

static inline uint64_t hash_word(uint64_t k, uint64_t seed) { return mum(k ^ seed ^ P0, P1); }

/* A wyhash-style hash: 16 bytes per multiply, overlapping reads for the tail. */
static uint64_t hash_str(const uint8_t *p, size_t n, uint64_t seed) {
    uint64_t h = seed ^ P0;
    size_t len = n;
    uint64_t a, b;
    while (n > 16) {
        h = mum(read64(p) ^ P1, read64(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    if (n >= 8) {
        a = read64(p);
        b = read64(p + n - 8);
    } else if (n >= 4) {
        a = read32(p);
        b = read32(p + n - 4);
    } else if (n > 0) {
        a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
        b = 0;
    } else {
        a = b = 0;
    }
    return mum(P3 ^ len, mum(a ^ P1, b ^ h ^ P2));
}

static inline uint64_t key_hash(const Map *m, const Value *key, Type **unhashable) {
    switch (m->kclass) {
    case KEY_WORD: return hash_word(key[0].u, m->seed);
    case KEY_STRING: return hash_str(key[0].p, (size_t)key[1].i, m->seed);
    default: return value_hash(m->ktype, key, m->seed, unhashable);
    }
}

static inline bool key_equal(const Map *m, const Value *a, const Value *b) {
    switch (m->kclass) {
    case KEY_WORD: return a[0].u == b[0].u;
    case KEY_STRING:
        return a[1].i == b[1].i && (a[0].p == b[0].p || memcmp(a[0].p, b[0].p, (size_t)a[1].i) == 0);
    default: return value_equal(m->ktype, a, b, NULL);
    }
}

/* ---------------------------------------------------------------- tables */

static inline Value *entry_at(const Map *m, const MapTable *t, int64_t e) {
    return t->entries + e * (int64_t)m->esize;
}

static MapTable *table_new(const Map *m, int64_t cap) {
    MapTable *t = NEW(MapTable);
    size_t ebytes = (size_t)cap * m->esize * sizeof(Value);
    if (m->scanned) {
        t->entries = gc_alloc(ebytes);
    } else {
        t->entries = gc_alloc_atomic(ebytes);
        memset(t->entries, 0, ebytes);
    }
    uint64_t ncells = (uint64_t)cap * 2;
    t->index = gc_alloc_atomic(ncells * sizeof(uint32_t));
    memset(t->index, 0, ncells * sizeof(uint32_t));
    t->mask = ncells - 1;
    t->cap = cap;
    return t;
}

static int64_t cap_for(int64_t n) {
    int64_t cap = MIN_CAP;
    while (cap < n) cap *= 2;
    return cap;
}

/* Publish entry e under hash h in t's index (the key is not present). */
static void index_insert(MapTable *t, uint64_t h, int64_t e) {
    uint64_t pos = h & t->mask;
    for (uint64_t step = 1; __atomic_load_n(&t->index[pos], __ATOMIC_RELAXED) != 0; step++) {
        if (unlikely(step > t->mask)) rt_fatal("concurrent map writes", false);
        pos = (pos + step) & t->mask;
    }
    __atomic_store_n(&t->index[pos], (uint32_t)(e + 1), __ATOMIC_RELEASE);
}

/* Copy the live entries of the current table into a new one with room for
 * at least `extra` more. Counts live entries itself rather than trusting
 * m->count, which racing writers may have corrupted. */
static MapTable *rebuild(Map *m, int64_t extra) {
    MapTable *old = m->tab;
    int64_t live = 0;
    if (old)
        for (int64_t e = 0; e < old->used && e < old->cap; e++)
            if (entry_at(m, old, e)[0].u) live++;
    /* Leave at least as much room as is live, so rebuilds stay amortised
     * O(1): a full table doubles, a half-deleted one keeps its size. */
    int64_t need = live + extra > 2 * live ? live + extra : 2 * live;
    MapTable *t = table_new(m, cap_for(need));
    int64_t n = 0;
    if (old) {
        for (int64_t e = 0; e < old->used && e < old->cap && n < t->cap; e++) {
            Value *src = entry_at(m, old, e);
            uint64_t h = src[0].u;
            if (!h) continue;
            memcpy(entry_at(m, t, n), src, m->esize * sizeof(Value));
            index_insert(t, h, n);
            n++;
        }
    }
    t->used = n;
    m->count = n;
    __atomic_store_n(&m->tab, t, __ATOMIC_RELEASE);
    return t;
}

/* Find key (hash h) in t: entry number or -1. */
static inline int64_t table_find(const Map *m, const MapTable *t, const Value *key, uint64_t h) {
    uint64_t hv = h | LIVE;
    uint64_t pos = h & t->mask;
    for (uint64_t step = 1;; step++) {
        uint32_t cell = __atomic_load_n(&t->index[pos], __ATOMIC_ACQUIRE);
        if (cell == 0) return -1;
        const Value *ent = entry_at(m, t, cell - 1);
        if (ent[0].u == hv && key_equal(m, ent + 1, key)) return cell - 1;
        if (unlikely(step > t->mask)) return -1; /* only under concurrent misuse */
        pos = (pos + step) & t->mask;
    }
}

/* -------------------------------------------------------------- the API */

Map *map_new(Type *maptype, int64_t hint) {
    Map *m = NEW(Map);
    Type *u = maptype->under;
    m->type = maptype;
    m->ktype = u->key;
    m->vtype = u->elem;
    m->ksize = u->key->size;
    m->vsize = u->elem->size;
    m->esize = 1 + m->ksize + m->vsize;
    m->scanned = ((u->key->flags | u->elem->flags) & TF_HASPTR) != 0;
    m->seed = map_rand();
    Type *ku = u->key->under;
    switch (ku->kind) {
    case KIND_BOOL: case KIND_INT: case KIND_INT8: case KIND_INT16: case KIND_INT32:
    case KIND_INT64: case KIND_UINT: case KIND_UINT8: case KIND_UINT16: case KIND_UINT32:
    case KIND_UINT64: case KIND_UINTPTR: case KIND_POINTER: case KIND_CHAN: case KIND_UNSAFEPTR:
        m->kclass = KEY_WORD;
        break;
    case KIND_STRING: m->kclass = KEY_STRING; break;
    default: m->kclass = KEY_GENERIC; break;
    }
    if (hint > 0) {
        if (hint > MAX_HINT_CAP) hint = MAX_HINT_CAP;
        m->tab = table_new(m, cap_for(hint));
    }
    return m;
}

int64_t map_len(const Map *m) { return m ? m->count : 0; }

Type *map_type(const Map *m) { return m->type; }

static inline void check_no_writer(const Map *m, const char *what) {
    if (unlikely(__atomic_load_n(&m->writing, __ATOMIC_RELAXED))) rt_fatal(what, false);
}

static inline void begin_write(Map *m) {
    check_no_writer(m, "concurrent map writes");
    __atomic_store_n(&m->writing, 1, __ATOMIC_RELAXED);
}

/* Another writer finished (and cleared the flag) while we were writing. */
static inline void end_write(Map *m) {
    if (unlikely(!__atomic_load_n(&m->writing, __ATOMIC_RELAXED)))
        rt_fatal("concurrent map writes", false);
    __atomic_store_n(&m->writing, 0, __ATOMIC_RELAXED);
}

Value *map_find(Map *m, const Value *key, Type **unhashable) {
    if (!m) return NULL;
    /* Hash first: Go panics on unhashable keys even when the map is empty. */
    Type *bad = NULL;
    uint64_t h = key_hash(m, key, &bad);
    if (unlikely(bad)) {
        if (unhashable) *unhashable = bad;
        return NULL;
    }
    MapTable *t = __atomic_load_n(&m->tab, __ATOMIC_ACQUIRE);
    if (!t || m->count == 0) return NULL;
    check_no_writer(m, "concurrent map read and map write");
    int64_t e = table_find(m, t, key, h);
    return e < 0 ? NULL : entry_at(m, t, e) + 1 + m->ksize;
}

Value *map_assign(Map *m, const Value *key, Type **unhashable) {
    Type *bad = NULL;
    uint64_t h = key_hash(m, key, &bad);
    if (unlikely(bad)) {
        if (unhashable) *unhashable = bad;
        return NULL;
    }
    begin_write(m);
    MapTable *t = m->tab;
    int64_t e = t ? table_find(m, t, key, h) : -1;
    if (e >= 0) {
        end_write(m);
        return entry_at(m, t, e) + 1 + m->ksize;
    }
    int64_t u = t ? t->used : 0;
    if (!t || u >= t->cap) {
        t = rebuild(m, 1);
        u = t->used;
    }
    Value *ent = entry_at(m, t, u);
    memcpy(ent + 1, key, m->ksize * sizeof(Value));
    memset(ent + 1 + m->ksize, 0, m->vsize * sizeof(Value));
    ent[0].u = h | LIVE;
    t->used = u + 1;
    index_insert(t, h, u);
    m->count++;
    end_write(m);
    return ent + 1 + m->ksize;
}

void map_delete(Map *m, const Value *key, Type **unhashable) {
    if (!m) return;
    Type *bad = NULL;
    uint64_t h = key_hash(m, key, &bad);
    if (unlikely(bad)) {
        if (unhashable) *unhashable = bad;
        return;
    }
    MapTable *t = m->tab;
    if (!t || m->count == 0) return;
    begin_write(m);
    int64_t e = table_find(m, t, key, h);
    if (e >= 0) {
        Value *ent = entry_at(m, t, e);
        ent[0].u = 0;
        /* Drop references held by the value; the key stays (see CONCURRENCY). */
        memset(ent + 1 + m->ksize, 0, m->vsize * sizeof(Value));
        m->count--;
    }
    end_write(m);
}

/* ------------------------------------------------------------- iteration */

/* MapIter.state: [0] table being walked, [1] start position, [2] positions
 * visited, [3] positions to visit (used when the iteration began). */
void map_iter_init(MapIter *it, Map *m) {
    it->m = m;
    memset(it->state, 0, sizeof it->state);
    if (!m || !m->tab || m->count == 0) return;
    MapTable *t = m->tab;
    int64_t n = t->used;
    if (n > t->cap) n = t->cap;
    it->state[0] = t;
    it->state[1] = (void *)(intptr_t)(n ? (int64_t)(map_rand() % (uint64_t)n) : 0);
    it->state[3] = (void *)(intptr_t)n;
}

bool map_iter_next(MapIter *it, Value **key, Value **val) {
    MapTable *t = it->state[0];
    if (!t) return false;
    Map *m = it->m;
    int64_t start = (intptr_t)it->state[1], done = (intptr_t)it->state[2],
            n = (intptr_t)it->state[3];
    check_no_writer(m, "concurrent map iteration and map write");
    while (done < n) {
        int64_t e = start + done;
        if (e >= n) e -= n;
        done++;
        Value *ent = entry_at(m, t, e);
        if (!ent[0].u) continue;
        MapTable *cur = __atomic_load_n(&m->tab, __ATOMIC_ACQUIRE);
        if (cur != t && key_equal(m, ent + 1, ent + 1)) {
            /* The map was rebuilt: produce the entry only if its key is still there. */
            Type *bad = NULL;
            uint64_t h = key_hash(m, ent + 1, &bad);
            int64_t ce = table_find(m, cur, ent + 1, h);
            if (ce < 0) continue;
            ent = entry_at(m, cur, ce);
        }
        it->state[2] = (void *)(intptr_t)done;
        *key = ent + 1;
        *val = ent + 1 + m->ksize;
        return true;
    }
    it->state[2] = (void *)(intptr_t)done;
    it->state[0] = NULL;
    return false;
}
