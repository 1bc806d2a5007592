#include <stdio.h>
#include "answer.h"

int main(void) {
    printf("%d\n", answer());
    return 0;
}
