// @attack floods stdout from native code, as fast as write(2) goes
// @expect-status OUTPUT_LIMIT
// @timeoutMs 10000
// @note the longest time limit, so only the output cap can end it, even on a loaded machine
// @truncated true
// @hang-guard-ms 30000
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[1001];
    memset(line, 'x', 1000);
    line[1000] = '\n';
    for (;;) {
        fwrite(line, 1, sizeof line, stdout);
    }
}
