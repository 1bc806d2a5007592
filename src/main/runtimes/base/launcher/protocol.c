#define _GNU_SOURCE
#include "protocol.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

/* ---- output: frames on fd 1, written whole even if fd 1 turns non-blocking ---- */

void write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno == EAGAIN) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            poll(&pfd, 1, 1000);
            continue;
        }
        if (w <= 0) _exit(125); /* the service is gone */
        p += w;
        len -= (size_t) w;
    }
}

void frame_header(char type, uint32_t len) {
    unsigned char h[5] = {(unsigned char) type, len >> 24, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff};
    write_all(1, h, sizeof h);
}

void frame(char type, const void *data, size_t len) {
    frame_header(type, (uint32_t) len);
    write_all(1, data, len);
}

void framef(char type, const char *fmt, ...) {
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    frame(type, text, n < 0 ? 0 : (size_t) n < sizeof text ? (size_t) n : sizeof text - 1);
}

void (*at_death)(void);

void die(const char *fmt, ...) {
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    frame('!', text, strlen(text));
    if (at_death != NULL) at_death();
    _exit(125);
}

/* ---- input: commands from fd 0 ---- */

static char inbuf[CHUNK];
static size_t in_pos, in_len;

static int in_fill(void) {
    for (;;) {
        ssize_t r = read(0, inbuf, sizeof inbuf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return 0;
        in_pos = 0;
        in_len = (size_t) r;
        return 1;
    }
}

int read_command(void) {
    if (in_pos == in_len && !in_fill()) return -1;
    return (unsigned char) inbuf[in_pos++];
}

void unread_command(void) {
    if (in_pos > 0) in_pos--;
}

int command_buffered(void) {
    return in_pos < in_len;
}

void read_bytes(char *out, size_t len) {
    while (len > 0) {
        if (in_pos == in_len && !in_fill()) die("command cut off");
        size_t n = in_len - in_pos < len ? in_len - in_pos : len;
        memcpy(out, inbuf + in_pos, n);
        in_pos += n;
        out += n;
        len -= n;
    }
}

void skip_bytes(uint64_t len) {
    while (len > 0) {
        if (in_pos == in_len && !in_fill()) die("command cut off");
        size_t n = in_len - in_pos < len ? in_len - in_pos : (size_t) len;
        in_pos += n;
        len -= n;
    }
}

uint8_t read_u8(void) {
    char c;
    read_bytes(&c, 1);
    return (uint8_t) c;
}

uint32_t read_u32(void) {
    unsigned char b[4];
    read_bytes((char *) b, 4);
    return (uint32_t) b[0] << 24 | (uint32_t) b[1] << 16 | (uint32_t) b[2] << 8 | b[3];
}

char *read_string(uint32_t len) {
    char *p = malloc((size_t) len + 1);
    if (p == NULL) die("out of memory");
    read_bytes(p, len);
    p[len] = '\0';
    return p;
}
