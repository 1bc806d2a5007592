#include <string>

int main() {
    int x = std::string("not an int");
    return x;
}
