/* errors.c - natives of package errors (stdlib/go/errors.go): the two
 * places where errors.Is and errors.As need what Go gets from reflect. */
#include "natives.h"

/* func typeComparable(err error) bool: can err's dynamic type be compared with ==? */
static int n_comparable(G *g, Value *a) {
    Type *t = a[0].p;
    ret_bool(a, t && (t->flags & TF_COMPARABLE));
    return NATIVE_OK;
}

/* func checkTarget(target any) int: 0 if target is a non-nil pointer to an
 * interface type or to a type implementing error; 1 if it is not a
 * non-nil pointer; 2 if the pointee type is neither. */
static int n_check_target(G *g, Value *a) {
    Type *t = a[0].p;
    if (!t || t->under->kind != KIND_POINTER || a[1].p == NULL) {
        ret_int(a, 1);
        return NATIVE_OK;
    }
    Type *elem = t->under->elem;
    if (elem->under->kind == KIND_INTERFACE || type_implements(elem, t_error, NULL, NULL)) ret_int(a, 0);
    else ret_int(a, 2);
    return NATIVE_OK;
}

/* func assignTo(err error, target any) bool: if err's dynamic type is
 * assignable to *target's type, store err in *target (as reflect's
 * Value.Set does) and report true. target was checked by checkTarget. */
static int n_assign_to(G *g, Value *a) {
    Type *et = a[0].p;
    Type *tt = a[2].p;
    Value *dst = a[3].p;
    bool ok = false;
    if (et && tt && dst) {
        Type *elem = tt->under->elem;
        if (elem->under->kind == KIND_INTERFACE) {
            if (type_implements(et, elem, NULL, NULL)) {
                /* every interface holds (dynamic type, data word) */
                dst[0] = a[0];
                dst[1] = a[1];
                ok = true;
            }
        } else if (et == elem) {
            memcpy(dst, iface_data(a), elem->size * sizeof(Value));
            ok = true;
        }
    }
    ret_bool(a, ok);
    return NATIVE_OK;
}

const NativeDef stdlib_natives_errors[] = {
    NATIVE("assignTo", n_assign_to),
    NATIVE("checkTarget", n_check_target),
    NATIVE("typeComparable", n_comparable),
    NATIVES_END,
};
