#include "paths.h"

const char *path_problem(const char *path, size_t len) {
    if (len == 0) return "empty path";
    if (len > MAX_PATH_BYTES) return "path longer than 4096 bytes";
    if (path[0] == '/') return "absolute path";
    size_t depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len) {
            unsigned char c = (unsigned char) path[i];
            if (c == '\0') return "NUL in path";
            if (c < 0x20 || c == 0x7f) return "control character in path";
            if (c != '/') continue;
        }
        size_t n = i - start;
        if (n == 0) return "empty path component";
        if (n > MAX_COMPONENT) return "path component longer than 255 bytes";
        if (path[start] == '.' && (n == 1 || (n == 2 && path[start + 1] == '.'))) return "'.' or '..' in path";
        if (++depth > MAX_DEPTH) return "path deeper than 64 components";
        start = i + 1;
    }
    return NULL;
}
