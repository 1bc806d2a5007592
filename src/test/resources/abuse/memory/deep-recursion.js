// @attack unbounded recursion
// @expect-status RUNTIME_ERROR|MEMORY_LIMIT
// @hang-guard-ms 12000
// @stderr-contains Maximum call stack
function f(n) { return f(n + 1) + 1; }
f(0);
