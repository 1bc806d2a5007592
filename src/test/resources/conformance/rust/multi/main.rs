mod answer;

fn main() {
    println!("{}", answer::value());
}
