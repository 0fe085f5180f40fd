/* test_map.c - Go maps (vm/map.c): lookups, growth, deletion, iteration
 * semantics, special keys, checked against simple reference structures. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/vm.h"

static void setup(void) {
    GC_INIT();
    types_init();
}

TestSuite(map, .init = setup);

static Value ival(int64_t i) { return (Value){.i = i}; }

static void sval(Value *v, const char *s) { str_set(v, str_from_cstr(s)); }

/* A tiny deterministic generator so failures reproduce. */
static uint64_t rnd_state = 88172645463325252ULL;
static uint64_t rnd(void) {
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return rnd_state;
}

Test(map, nil_map_reads) {
    Value k = ival(1);
    cr_assert_null(map_find(NULL, &k, NULL));
    cr_assert_eq(map_len(NULL), 0);
    map_delete(NULL, &k, NULL); /* no-op, no crash */
    MapIter it;
    map_iter_init(&it, NULL);
    Value *kp, *vp;
    cr_assert_not(map_iter_next(&it, &kp, &vp));
}

Test(map, int_insert_find_delete) {
    Map *m = map_new(type_map(t_int, t_int), 0);
    cr_assert_eq(map_type(m), type_map(t_int, t_int));
    const int N = 100000;
    for (int i = 0; i < N; i++) {
        Value k = ival(i * 7);
        Value *v = map_assign(m, &k, NULL);
        cr_assert_eq(v->i, 0, "new value must be zeroed");
        v->i = i;
    }
    cr_assert_eq(map_len(m), N);
    for (int i = 0; i < N; i++) {
        Value k = ival(i * 7);
        Value *v = map_find(m, &k, NULL);
        cr_assert_not_null(v);
        cr_assert_eq(v->i, i);
        Value miss = ival(i * 7 + 1);
        cr_assert_null(map_find(m, &miss, NULL));
    }
    for (int i = 0; i < N; i += 2) {
        Value k = ival(i * 7);
        map_delete(m, &k, NULL);
    }
    cr_assert_eq(map_len(m), N / 2);
    for (int i = 0; i < N; i++) {
        Value k = ival(i * 7);
        Value *v = map_find(m, &k, NULL);
        if (i % 2) cr_assert(v && v->i == i);
        else cr_assert_null(v);
    }
    /* Re-assigning an existing key finds the same slot. */
    Value k = ival(7);
    map_assign(m, &k, NULL)->i = 99;
    cr_assert_eq(map_find(m, &k, NULL)->i, 99);
    cr_assert_eq(map_len(m), N / 2);
}

Test(map, randomized_against_reference) {
    enum { KEYS = 2000, OPS = 400000 };
    static int64_t ref[KEYS];
    static bool present[KEYS];
    int64_t count = 0;
    Map *m = map_new(type_map(t_int64, t_int64), 3);
    for (int op = 0; op < OPS; op++) {
        int64_t key = (int64_t)(rnd() % KEYS) - KEYS / 2; /* negative keys too */
        int idx = (int)(key + KEYS / 2);
        Value k = ival(key);
        switch (rnd() % 4) {
        case 0:
        case 1: {
            Value *v = map_assign(m, &k, NULL);
            if (!present[idx]) {
                cr_assert_eq(v->i, 0);
                present[idx] = true;
                count++;
            } else {
                cr_assert_eq(v->i, ref[idx]);
            }
            ref[idx] = v->i = (int64_t)rnd();
            break;
        }
        case 2:
            map_delete(m, &k, NULL);
            if (present[idx]) count--;
            present[idx] = false;
            break;
        default: {
            Value *v = map_find(m, &k, NULL);
            if (present[idx]) cr_assert(v && v->i == ref[idx], "op %d key %lld", op, (long long)key);
            else cr_assert_null(v);
        }
        }
        cr_assert_eq(map_len(m), count);
    }
    /* Iteration yields exactly the live keys. */
    static bool seen[KEYS];
    MapIter it;
    map_iter_init(&it, m);
    Value *kp, *vp;
    int64_t n = 0;
    while (map_iter_next(&it, &kp, &vp)) {
        int idx = (int)(kp->i + KEYS / 2);
        cr_assert(present[idx]);
        cr_assert_not(seen[idx]);
        cr_assert_eq(vp->i, ref[idx]);
        seen[idx] = true;
        n++;
    }
    cr_assert_eq(n, count);
}

Test(map, string_keys) {
    Map *m = map_new(type_map(t_string, t_int), 0);
    char buf[64];
    const int N = 20000;
    for (int i = 0; i < N; i++) {
        /* lengths from 1 to ~40 exercise every tail path of the hash */
        int len = snprintf(buf, sizeof buf, "k%d-%.*s", i, i % 32, "abcdefghijklmnopqrstuvwxyz0123456789");
        Value k[2];
        str_set(k, str_from(buf, (size_t)len));
        map_assign(m, k, NULL)->i = i;
    }
    cr_assert_eq(map_len(m), N);
    for (int i = 0; i < N; i++) {
        int len = snprintf(buf, sizeof buf, "k%d-%.*s", i, i % 32, "abcdefghijklmnopqrstuvwxyz0123456789");
        Value k[2];
        str_set(k, str_from(buf, (size_t)len)); /* a different copy of the bytes */
        Value *v = map_find(m, k, NULL);
        cr_assert(v && v->i == i, "%s", buf);
    }
    Value empty[2] = {{.p = NULL}, {.i = 0}};
    cr_assert_null(map_find(m, empty, NULL));
    map_assign(m, empty, NULL)->i = -1;
    cr_assert_eq(map_find(m, empty, NULL)->i, -1);
}

Test(map, zero_size_values) {
    Type *empty_struct = type_struct(NULL, 0);
    Map *m = map_new(type_map(t_string, empty_struct), 0);
    Value k[2];
    sval(k, "x");
    cr_assert_not_null(map_assign(m, k, NULL));
    cr_assert_not_null(map_find(m, k, NULL), "present keys of a zero-size value are found");
    sval(k, "y");
    cr_assert_null(map_find(m, k, NULL));
    cr_assert_eq(map_len(m), 1);
}

Test(map, float_keys_nan_and_zero) {
    Map *m = map_new(type_map(t_float64, t_int), 0);
    Value k = {.f = NAN};
    for (int i = 0; i < 3; i++) map_assign(m, &k, NULL)->i = i + 1;
    cr_assert_eq(map_len(m), 3, "each NaN insert is a new entry");
    cr_assert_null(map_find(m, &k, NULL), "NaN is never found");
    map_delete(m, &k, NULL);
    cr_assert_eq(map_len(m), 3, "NaN cannot be deleted");

    Value pz = {.f = 0.0}, nz = {.f = -0.0};
    map_assign(m, &pz, NULL)->i = 10;
    map_assign(m, &nz, NULL)->i = 20;
    cr_assert_eq(map_len(m), 4, "+0 and -0 are the same key");
    cr_assert_eq(map_find(m, &pz, NULL)->i, 20);

    /* Iteration still produces the NaN entries, even after growth. */
    MapIter it;
    map_iter_init(&it, m);
    Value *kp, *vp;
    int nans = 0, grown = 0;
    while (map_iter_next(&it, &kp, &vp)) {
        if (isnan(kp->f)) nans++;
        if (!grown) {
            for (int i = 0; i < 100; i++) {
                Value x = {.f = 1000.0 + i};
                map_assign(m, &x, NULL);
            }
            grown = 1;
        }
    }
    cr_assert_eq(nans, 3);
}

Test(map, interface_keys) {
    Map *m = map_new(type_map(t_any, t_int), 0);
    Value k[2], v;
    v.i = 1;
    iface_make(k, t_int, &v);
    map_assign(m, k, NULL)->i = 100;
    Value s[2], ks[2];
    sval(s, "one");
    iface_make(ks, t_string, s);
    map_assign(m, ks, NULL)->i = 200;
    Value kn[2] = {{.p = NULL}, {.p = NULL}}; /* nil interface is a valid key */
    map_assign(m, kn, NULL)->i = 300;

    /* int64(1) is a different key from int(1) */
    Value k64[2];
    iface_make(k64, t_int64, &v);
    cr_assert_null(map_find(m, k64, NULL));
    Value again[2];
    sval(s, "one");
    iface_make(again, t_string, s);
    cr_assert_eq(map_find(m, again, NULL)->i, 200);
    cr_assert_eq(map_find(m, k, NULL)->i, 100);
    cr_assert_eq(map_find(m, kn, NULL)->i, 300);

    /* unhashable dynamic types are reported, not inserted */
    Value sl[3] = {{.p = NULL}, {.i = 0}, {.i = 0}}, ksl[2];
    iface_make(ksl, t_byte_slice, sl);
    Type *bad = NULL;
    cr_assert_null(map_assign(m, ksl, &bad));
    cr_assert_eq(bad, t_byte_slice);
    bad = NULL;
    cr_assert_null(map_find(m, ksl, &bad));
    cr_assert_eq(bad, t_byte_slice);
    bad = NULL;
    map_delete(m, ksl, &bad);
    cr_assert_eq(bad, t_byte_slice);
    cr_assert_eq(map_len(m), 3);

    /* even an empty map reports it, as Go hashes before looking */
    Map *e = map_new(type_map(t_any, t_int), 0);
    bad = NULL;
    cr_assert_null(map_find(e, ksl, &bad));
    cr_assert_eq(bad, t_byte_slice);
}

Test(map, struct_keys) {
    StructField f[2] = {
        {.name = intern_cstr("A"), .type = t_int, .exported = true},
        {.name = intern_cstr("B"), .type = t_string, .exported = true},
    };
    Type *st = type_struct(f, 2);
    Map *m = map_new(type_map(st, t_int), 0);
    for (int i = 0; i < 1000; i++) {
        Value k[3];
        k[0].i = i % 10;
        char buf[16];
        snprintf(buf, sizeof buf, "%d", i / 10);
        str_set(k + 1, str_from_cstr(buf));
        map_assign(m, k, NULL)->i = i;
    }
    cr_assert_eq(map_len(m), 1000);
    Value k[3];
    k[0].i = 3;
    str_set(k + 1, str_from_cstr("42"));
    cr_assert_eq(map_find(m, k, NULL)->i, 423);
}

/* Collects one iteration's keys; fails on a key produced twice. */
static int iterate_count(Map *m, bool *seen, int nseen) {
    MapIter it;
    map_iter_init(&it, m);
    Value *kp, *vp;
    int n = 0;
    memset(seen, 0, (size_t)nseen);
    while (map_iter_next(&it, &kp, &vp)) {
        cr_assert(kp->i >= 0 && kp->i < nseen);
        cr_assert_not(seen[kp->i], "key %lld produced twice", (long long)kp->i);
        seen[kp->i] = true;
        n++;
    }
    return n;
}

Test(map, iteration_deletes_unvisited) {
    enum { N = 5000 };
    static bool seen[N];
    Map *m = map_new(type_map(t_int, t_int), 0);
    for (int i = 0; i < N; i++) {
        Value k = ival(i);
        map_assign(m, &k, NULL)->i = i;
    }
    cr_assert_eq(iterate_count(m, seen, N), N);

    /* Delete every other key as soon as iteration starts: the deleted ones
     * that were not produced yet must never be produced. */
    MapIter it;
    map_iter_init(&it, m);
    Value *kp, *vp;
    memset(seen, 0, sizeof seen);
    bool deleted = false;
    int produced = 0;
    int first = -1;
    while (map_iter_next(&it, &kp, &vp)) {
        int key = (int)kp->i;
        cr_assert_not(seen[key]);
        seen[key] = true;
        produced++;
        if (!deleted) {
            first = key;
            for (int i = 0; i < N; i += 2) {
                Value k = ival(i);
                if (i != key) map_delete(m, &k, NULL);
            }
            deleted = true;
        } else {
            cr_assert(key % 2 == 1, "deleted key %d produced", key);
        }
        cr_assert_eq(vp->i, key);
    }
    cr_assert_eq(produced, N / 2 + (first % 2 == 0));
}

Test(map, iteration_with_growth) {
    enum { N = 1000, MAXK = 100000 };
    static bool seen[MAXK];
    Map *m = map_new(type_map(t_int, t_int), 0);
    for (int i = 0; i < N; i++) {
        Value k = ival(i);
        map_assign(m, &k, NULL)->i = i;
    }
    /* Inserting many keys during iteration forces rebuilds; deleting some old
     * ones after the rebuild must still hide them; updated values are seen. */
    MapIter it;
    map_iter_init(&it, m);
    Value *kp, *vp;
    int step = 0, old_seen = 0;
    bool deleted_after_growth[N] = {0};
    while (map_iter_next(&it, &kp, &vp)) {
        int key = (int)kp->i;
        cr_assert(key < MAXK);
        cr_assert_not(seen[key], "key %d twice", key);
        seen[key] = true;
        if (key < N) {
            old_seen++;
            cr_assert_not(deleted_after_growth[key]);
            /* values updated after the first step are seen updated */
            if (key % 3 == 0 && step > 0) cr_assert_eq(vp->i, -key, "updated value visible");
            else cr_assert_eq(vp->i, key);
        }
        if (step++ == 0) {
            for (int i = N; i < N + 20000; i++) {
                Value k = ival(i);
                map_assign(m, &k, NULL)->i = i;
            }
            for (int i = 0; i < N; i++) {
                Value k = ival(i);
                if (i == key) continue;
                if (i % 5 == 4) {
                    map_delete(m, &k, NULL);
                    deleted_after_growth[i] = true;
                } else if (i % 3 == 0) {
                    map_assign(m, &k, NULL)->i = -i;
                }
            }
        }
    }
    int expect_old = 0;
    for (int i = 0; i < N; i++) expect_old += !deleted_after_growth[i];
    cr_assert_eq(old_seen, expect_old);
}

Test(map, iteration_order_is_randomised) {
    Map *m = map_new(type_map(t_int, t_int), 0);
    for (int i = 0; i < 50; i++) {
        Value k = ival(i);
        map_assign(m, &k, NULL);
    }
    int firsts[50] = {0};
    for (int round = 0; round < 200; round++) {
        MapIter it;
        map_iter_init(&it, m);
        Value *kp, *vp;
        cr_assert(map_iter_next(&it, &kp, &vp));
        firsts[kp->i]++;
    }
    int distinct = 0;
    for (int i = 0; i < 50; i++) distinct += firsts[i] > 0;
    cr_assert_gt(distinct, 10, "iteration should start at varying places");
}

Test(map, delete_everything_then_reuse) {
    Map *m = map_new(type_map(t_int, t_string), 0);
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 300; i++) {
            Value k = ival(i + round * 1000);
            sval(map_assign(m, &k, NULL), "v");
        }
        MapIter it;
        map_iter_init(&it, m);
        Value *kp, *vp;
        while (map_iter_next(&it, &kp, &vp)) {
            Value k = *kp;
            map_delete(m, &k, NULL); /* the `for k := range m { delete(m, k) }` idiom */
        }
        cr_assert_eq(map_len(m), 0);
    }
}

Test(map, hint_preallocates) {
    Map *m = map_new(type_map(t_int, t_int), 1000);
    for (int i = 0; i < 1000; i++) {
        Value k = ival(i);
        map_assign(m, &k, NULL)->i = i;
    }
    cr_assert_eq(map_len(m), 1000);
    Map *huge = map_new(type_map(t_int, t_int), (int64_t)1 << 40); /* must not allocate it all */
    cr_assert_eq(map_len(huge), 0);
}
