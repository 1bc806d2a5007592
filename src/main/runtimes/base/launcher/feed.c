#include "feed.h"

#include <stdlib.h>
#include <string.h>

#include "protocol.h"

static void reserve(struct feed *f, size_t extra) {
    if (f->fed > 0) { /* what was written goes first, so the buffer never grows past what waits */
        memmove(f->data, f->data + f->fed, f->len - f->fed);
        f->len -= f->fed;
        f->fed = 0;
    }
    if (f->len + extra <= f->cap) return;
    size_t cap = f->cap < 4096 ? 4096 : f->cap;
    while (cap < f->len + extra) cap *= 2;
    char *grown = realloc(f->data, cap);
    if (grown == NULL) die("out of memory");
    f->data = grown;
    f->cap = cap;
}

void feed_start(struct feed *f, const char *input, size_t len, int live) {
    memset(f, 0, sizeof *f);
    f->more = live;
    if (len > 0) {
        reserve(f, len);
        memcpy(f->data, input, len);
        f->len = len;
        f->total = len;
    }
}

int feed_add(struct feed *f, const char *data, size_t len) {
    if (!f->more || len > (size_t) MAX_PAYLOAD - f->total) return 0;
    reserve(f, len);
    memcpy(f->data + f->len, data, len);
    f->len += len;
    f->total += len;
    return 1;
}

size_t feed_pending(const struct feed *f) {
    return f->len - f->fed;
}

int feed_ended(const struct feed *f) {
    return !f->more && feed_pending(f) == 0;
}

void feed_free(struct feed *f) {
    free(f->data);
    memset(f, 0, sizeof *f);
}
