#include <stdio.h>

int main(void) {
    fprintf(stderr, "oops\n");
    return 0;
}
