/* map.c - Go maps.
 *
 * LAYOUT. A map is an open-addressing hash table with linear probing whose
 * slots hold the entries themselves, so a lookup usually touches one cache
 * line:
 *
 *   slot  [hash word] [key slots] [value slots]   (slot layout of the key
 *         and element types; nslots is a power of two)
 *
 * The hash word is 0 for a never-used slot, TOMBSTONE for a deleted entry,
 * and the key's hash with its top bit set (LIVE) for a live entry; the top
 * bit also keeps the word from looking like a heap pointer to the
 * conservative collector. Probes stop at a never-used slot and pass over
 * tombstones; deleting clears the value but leaves the key (see
 * CONCURRENCY). When live entries plus tombstones pass 3/4 of the slots,
 * the live entries move to a fresh MapTable sized for them (twice as many
 * slots as entries, at least 8); a table is never modified after it has
 * been replaced, and stays valid for whoever still holds it.
 *
 * ITERATION walks the slots from a random position, wrapping around, over
 * the table current when it began. Entries never move within a table, so
 * each is produced at most once; deleted entries are tombstones by then and
 * are skipped; entries added meanwhile may or may not be produced. If the
 * map was rebuilt since the iteration began, each remaining entry of the
 * old table is looked up in the current one: deleted keys are skipped and
 * the current value is produced (Go's mapiternext does the same for grown
 * maps). Keys that are not equal to themselves (NaN) cannot be looked up
 * and are produced as they were.
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
 * pointer once and stays inside that table's bounds (probes are bounded by
 * its size), a slot's hash word is published only after its key is written,
 * and the keys of deleted entries are left intact so a racing probe never
 * reads a torn key.
 */
#include "vm.h"
#include "../runtime/runtime.h"

#include <time.h>

enum { KEY_GENERIC, KEY_WORD, KEY_STRING };

#define LIVE (1ULL << 63)
#define MIN_SLOTS 8
/* Preallocate room for at most this many entries for make(map, hint). */
#define MAX_HINT (1 << 20)


typedef struct MapTable MapTable;

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

#define TOMBSTONE 1ULL

struct MapTable {
    Value *slots;
    uint64_t mask;    /* nslots - 1 */
    int64_t used;     /* live entries plus tombstones */
};

static inline Value *slot_at(const Map *m, const MapTable *t, uint64_t i) {
    return t->slots + i * m->esize;
}

static inline uint64_t load_hash(const Value *slot) { return __atomic_load_n(&slot[0].u, __ATOMIC_ACQUIRE); }

static MapTable *table_new(const Map *m, uint64_t nslots) {
    MapTable *t = NEW(MapTable);
    size_t bytes = (size_t)nslots * m->esize * sizeof(Value);
    if (m->scanned) {
        t->slots = gc_alloc(bytes);
    } else {
        t->slots = gc_alloc_atomic(bytes);
        memset(t->slots, 0, bytes);
    }
    t->mask = nslots - 1;
    return t;
}

/* Slots for n entries: at most half full after a rebuild. */
static uint64_t slots_for(int64_t n) {
    uint64_t s = MIN_SLOTS;
    while (s < (uint64_t)n * 2) s *= 2;
    return s;
}

/* Rebuilds happen when live entries and tombstones fill 3/4 of the slots. */
static inline bool too_full(const MapTable *t, int64_t used) { return (uint64_t)used * 4 > (t->mask + 1) * 3; }

/* Copy the live entries of the current table into a new one with room for
 * at least `extra` more. Counts live entries itself rather than trusting
 * m->count, which racing writers may have corrupted. */
static MapTable *rebuild(Map *m, int64_t extra) {
    MapTable *old = m->tab;
    int64_t live = 0;
    if (old)
        for (uint64_t i = 0; i <= old->mask; i++)
            if (load_hash(slot_at(m, old, i)) & LIVE) live++;
    MapTable *t = table_new(m, slots_for(live + extra));
    int64_t n = 0;
    if (old) {
        for (uint64_t i = 0; i <= old->mask; i++) {
            Value *src = slot_at(m, old, i);
            uint64_t h = load_hash(src);
            if (!(h & LIVE)) continue;
            uint64_t pos = h & t->mask;
            for (uint64_t probes = 0; slot_at(m, t, pos)[0].u != 0; probes++) {
                if (unlikely(probes > t->mask)) goto full; /* only under concurrent misuse */
                pos = (pos + 1) & t->mask;
            }
            memcpy(slot_at(m, t, pos), src, m->esize * sizeof(Value));
            n++;
        }
    }
full:
    t->used = n;
    m->count = n;
    __atomic_store_n(&m->tab, t, __ATOMIC_RELEASE);
    return t;
}

/* The slot holding key (hash h) in t, or NULL. */
static inline Value *table_find(const Map *m, const MapTable *t, const Value *key, uint64_t h) {
    uint64_t hv = h | LIVE;
    uint64_t pos = h & t->mask;
    for (uint64_t probes = 0; probes <= t->mask; probes++) {
        Value *slot = slot_at(m, t, pos);
        uint64_t sh = load_hash(slot);
        if (sh == 0) return NULL;
        if (sh == hv && key_equal(m, slot + 1, key)) return slot;
        pos = (pos + 1) & t->mask;
    }
    return NULL; /* a full table: only under concurrent misuse */
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
    if (hint > 0) m->tab = table_new(m, slots_for(hint > MAX_HINT ? MAX_HINT : hint));
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
    Value *slot = table_find(m, t, key, h);
    return slot ? slot + 1 + m->ksize : NULL;
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
    if (!t) t = rebuild(m, 1);
    uint64_t hv = h | LIVE, pos = h & t->mask;
    Value *reuse = NULL; /* the first tombstone on the probe path */
    for (uint64_t probes = 0;; probes++) {
        if (unlikely(probes > t->mask)) rt_fatal("concurrent map writes", false);
        Value *slot = slot_at(m, t, pos);
        uint64_t sh = load_hash(slot);
        if (sh == 0) break;
        if (sh == hv && key_equal(m, slot + 1, key)) {
            end_write(m);
            return slot + 1 + m->ksize;
        }
        if (sh == TOMBSTONE && !reuse) reuse = slot;
        pos = (pos + 1) & t->mask;
    }
    Value *slot;
    if (reuse) {
        slot = reuse; /* a tombstone already counts as used */
    } else {
        if (too_full(t, t->used + 1)) {
            t = rebuild(m, 1);
            for (pos = h & t->mask; slot_at(m, t, pos)[0].u != 0;) pos = (pos + 1) & t->mask;
        }
        slot = slot_at(m, t, pos);
        t->used++;
    }
    memcpy(slot + 1, key, m->ksize * sizeof(Value));
    memset(slot + 1 + m->ksize, 0, m->vsize * sizeof(Value));
    __atomic_store_n(&slot[0].u, hv, __ATOMIC_RELEASE); /* publish after the key */
    m->count++;
    end_write(m);
    return slot + 1 + m->ksize;
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
    Value *slot = table_find(m, t, key, h);
    if (slot) {
        __atomic_store_n(&slot[0].u, TOMBSTONE, __ATOMIC_RELEASE);
        /* Drop references held by the value; the key stays (see CONCURRENCY). */
        memset(slot + 1 + m->ksize, 0, m->vsize * sizeof(Value));
        m->count--;
    }
    end_write(m);
}

/* ------------------------------------------------------------- iteration */

/* MapIter.state: [0] table being walked, [1] start slot, [2] slots visited. */
void map_iter_init(MapIter *it, Map *m) {
    it->m = m;
    memset(it->state, 0, sizeof it->state);
    if (!m || !m->tab || m->count == 0) return;
    MapTable *t = m->tab;
    it->state[0] = t;
    it->state[1] = (void *)(uintptr_t)(map_rand() & t->mask);
}

bool map_iter_next(MapIter *it, Value **key, Value **val) {
    MapTable *t = it->state[0];
    if (!t) return false;
    Map *m = it->m;
    uint64_t start = (uintptr_t)it->state[1], done = (uintptr_t)it->state[2], n = t->mask + 1;
    check_no_writer(m, "concurrent map iteration and map write");
    while (done < n) {
        Value *slot = slot_at(m, t, (start + done) & t->mask);
        done++;
        if (!(load_hash(slot) & LIVE)) continue;
        MapTable *cur = __atomic_load_n(&m->tab, __ATOMIC_ACQUIRE);
        if (cur != t && key_equal(m, slot + 1, slot + 1)) {
            /* The map was rebuilt: produce the entry only if its key is still there. */
            Type *bad = NULL;
            Value *now = table_find(m, cur, slot + 1, key_hash(m, slot + 1, &bad));
            if (!now) continue;
            slot = now;
        }
        it->state[2] = (void *)(uintptr_t)done;
        *key = slot + 1;
        *val = slot + 1 + m->ksize;
        return true;
    }
    it->state[2] = (void *)(uintptr_t)done;
    it->state[0] = NULL;
    return false;
}
