fn main() {
    eprintln!("oops");
}
