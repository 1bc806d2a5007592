// @attack grows the heap a MiB at a time and touches every page, in native code
// @expect-status MEMORY_LIMIT
// @hang-guard-ms 18000
#include <stdlib.h>
#include <string.h>

int main(void) {
    for (;;) {
        char *p = malloc(1 << 20);
        if (p == NULL) {
            return 3;
        }
        memset(p, 1, 1 << 20);
    }
}
