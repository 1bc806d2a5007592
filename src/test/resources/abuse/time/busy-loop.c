// @attack a busy loop in native code that never makes a system call
// @timeoutMs 1500
// @expect-status TIMEOUT
// @hang-guard-ms 15000
int main(void) {
    volatile unsigned long n = 0;
    for (;;) {
        n++;
    }
}
