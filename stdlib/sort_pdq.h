/* sort_pdq.h - pattern-defeating quicksort as Go 1.19's sort.Sort runs it
 * (same comparisons, same swaps, so equal elements land where Go puts
 * them), instantiated by including this file with:
 *   PDQ(name)      prefix for the generated functions
 *   PDQ_T          the data handle type (passed by value)
 *   PDQ_LESS(d,i,j), PDQ_SWAP(d,i,j)
 * The Go version of the same algorithm is stdlib/go/sort.go. */

static void PDQ(insertion)(PDQ_T d, int64_t a, int64_t b) {
    for (int64_t i = a + 1; i < b; i++)
        for (int64_t j = i; j > a && PDQ_LESS(d, j, j - 1); j--) PDQ_SWAP(d, j, j - 1);
}

static void PDQ(sift_down)(PDQ_T d, int64_t lo, int64_t hi, int64_t first) {
    int64_t root = lo;
    for (;;) {
        int64_t child = 2 * root + 1;
        if (child >= hi) return;
        if (child + 1 < hi && PDQ_LESS(d, first + child, first + child + 1)) child++;
        if (!PDQ_LESS(d, first + root, first + child)) return;
        PDQ_SWAP(d, first + root, first + child);
        root = child;
    }
}

static void PDQ(heap_sort)(PDQ_T d, int64_t a, int64_t b) {
    int64_t first = a, hi = b - a;
    for (int64_t i = (hi - 1) / 2; i >= 0; i--) PDQ(sift_down)(d, i, hi, first);
    for (int64_t i = hi - 1; i >= 0; i--) {
        PDQ_SWAP(d, first, first + i);
        PDQ(sift_down)(d, 0, i, first);
    }
}

static int64_t PDQ(partition)(PDQ_T d, int64_t a, int64_t b, int64_t pivot, bool *already) {
    PDQ_SWAP(d, a, pivot);
    int64_t i = a + 1, j = b - 1;
    while (i <= j && PDQ_LESS(d, i, a)) i++;
    while (i <= j && !PDQ_LESS(d, j, a)) j--;
    if (i > j) {
        PDQ_SWAP(d, j, a);
        *already = true;
        return j;
    }
    PDQ_SWAP(d, i, j);
    i++, j--;
    for (;;) {
        while (i <= j && PDQ_LESS(d, i, a)) i++;
        while (i <= j && !PDQ_LESS(d, j, a)) j--;
        if (i > j) break;
        PDQ_SWAP(d, i, j);
        i++, j--;
    }
    PDQ_SWAP(d, j, a);
    *already = false;
    return j;
}

static int64_t PDQ(partition_equal)(PDQ_T d, int64_t a, int64_t b, int64_t pivot) {
    PDQ_SWAP(d, a, pivot);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
        while (i <= j && !PDQ_LESS(d, a, i)) i++;
        while (i <= j && PDQ_LESS(d, a, j)) j--;
        if (i > j) break;
        PDQ_SWAP(d, i, j);
        i++, j--;
    }
    return i;
}

static bool PDQ(partial_insertion)(PDQ_T d, int64_t a, int64_t b) {
    int64_t i = a + 1;
    for (int step = 0; step < 5; step++) {
        while (i < b && !PDQ_LESS(d, i, i - 1)) i++;
        if (i == b) return true;
        if (b - a < 50) return false;
        PDQ_SWAP(d, i, i - 1);
        if (i - a >= 2)
            for (int64_t j = i - 1; j >= 1; j--) {
                if (!PDQ_LESS(d, j, j - 1)) break;
                PDQ_SWAP(d, j, j - 1);
            }
        if (b - i >= 2)
            for (int64_t j = i + 1; j < b; j++) {
                if (!PDQ_LESS(d, j, j - 1)) break;
                PDQ_SWAP(d, j, j - 1);
            }
    }
    return false;
}

static void PDQ(break_patterns)(PDQ_T d, int64_t a, int64_t b) {
    int64_t length = b - a;
    if (length < 8) return;
    uint64_t random = (uint64_t)length;
    uint64_t modulus = 1ULL << (64 - __builtin_clzll((uint64_t)length));
    for (int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        random ^= random << 13;
        random ^= random >> 17;
        random ^= random << 5;
        int64_t other = (int64_t)(random & (modulus - 1));
        if (other >= length) other -= length;
        PDQ_SWAP(d, idx, a + other);
    }
}

static int64_t PDQ(order_median)(PDQ_T d, int64_t a, int64_t b, int64_t c, int *swaps) {
    int64_t t;
    if (PDQ_LESS(d, b, a)) (*swaps)++, t = a, a = b, b = t;
    if (PDQ_LESS(d, c, b)) (*swaps)++, t = b, b = c, c = t;
    if (PDQ_LESS(d, b, a)) (*swaps)++, t = a, a = b, b = t;
    return b;
}

/* 0 unknown, 1 increasing, 2 decreasing */
static int64_t PDQ(choose_pivot)(PDQ_T d, int64_t a, int64_t b, int *hint) {
    int64_t l = b - a;
    int swaps = 0;
    int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
        if (l >= 50) {
            i = PDQ(order_median)(d, i - 1, i, i + 1, &swaps);
            j = PDQ(order_median)(d, j - 1, j, j + 1, &swaps);
            k = PDQ(order_median)(d, k - 1, k, k + 1, &swaps);
        }
        j = PDQ(order_median)(d, i, j, k, &swaps);
    }
    *hint = swaps == 0 ? 1 : swaps == 12 ? 2 : 0;
    return j;
}

static void PDQ(sort)(PDQ_T d, int64_t a, int64_t b, int limit) {
    bool was_balanced = true, was_partitioned = true;
    for (;;) {
        int64_t length = b - a;
        if (length <= 12) {
            PDQ(insertion)(d, a, b);
            return;
        }
        if (limit == 0) {
            PDQ(heap_sort)(d, a, b);
            return;
        }
        if (!was_balanced) {
            PDQ(break_patterns)(d, a, b);
            limit--;
        }
        int hint;
        int64_t pivot = PDQ(choose_pivot)(d, a, b, &hint);
        if (hint == 2) {
            for (int64_t i = a, j = b - 1; i < j; i++, j--) PDQ_SWAP(d, i, j);
            pivot = (b - 1) - (pivot - a);
            hint = 1;
        }
        if (was_balanced && was_partitioned && hint == 1 && PDQ(partial_insertion)(d, a, b)) return;
        if (a > 0 && !PDQ_LESS(d, a - 1, pivot)) {
            a = PDQ(partition_equal)(d, a, b, pivot);
            continue;
        }
        bool already;
        int64_t mid = PDQ(partition)(d, a, b, pivot, &already);
        was_partitioned = already;
        int64_t left = mid - a, right = b - mid, threshold = length / 8;
        if (left < right) {
            was_balanced = left >= threshold;
            PDQ(sort)(d, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right >= threshold;
            PDQ(sort)(d, mid + 1, b, limit);
            b = mid;
        }
    }
}
