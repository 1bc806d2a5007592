pub fn value() -> i32 {
    6 * 7
}
