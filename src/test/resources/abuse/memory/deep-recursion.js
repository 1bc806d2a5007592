// @attack unbounded recursion
// @expect-status RUNTIME_ERROR|MEMORY_LIMIT
// @max-wall-ms 4000
// @stderr-contains Maximum call stack
function f(n) { return f(n + 1) + 1; }
f(0);
