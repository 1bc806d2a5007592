#include <iostream>
#include "answer.hpp"

int main() {
    std::cout << answer() << '\n';
}
