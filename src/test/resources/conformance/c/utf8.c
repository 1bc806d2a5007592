#include <stdio.h>

int main(void) {
    printf("héllo wörld ✓ 日本\n");
    return 0;
}
