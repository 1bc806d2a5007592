// @attack classic fork bomb, in native code (no interpreter between it and the kernel)
// @timeoutMs 2000
// @expect-status TIMEOUT|RUNTIME_ERROR|MEMORY_LIMIT
// @hang-guard-ms 18000
#include <unistd.h>

int main(void) {
    for (;;) {
        fork();
    }
}
