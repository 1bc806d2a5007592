// @attack floods stdout from native code, as fast as write(2) goes
// @expect-status OUTPUT_LIMIT
// @truncated true
// @hang-guard-ms 15000
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
