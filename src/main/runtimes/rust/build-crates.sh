#!/bin/sh
# code-exec: build-crates.sh — builds the crates of crates.toml (and what they need) from Debian's crate sources,
# offline, into /opt/code-exec/rust/deps, and writes /opt/code-exec/rust/externs: the rustc arguments (an @file)
# that let a program `use` each of them, one a line: `-L dependency=...` and `--extern name=...rlib` per crate.
set -eu
R=/opt/code-exec/rust
work=$(mktemp -d)
export CARGO_HOME="$work/home"
mkdir -p "$CARGO_HOME" "$work/src" "$R/deps"
printf '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n' \
  >"$CARGO_HOME/config.toml"
cp "$R/crates.toml" "$work/Cargo.toml"
echo 'fn main() {}' >"$work/src/main.rs"
(cd "$work" && cargo build --offline --release --quiet)
cp "$work"/target/release/deps/*.rlib "$work"/target/release/deps/*.so "$R/deps/"
printf '%s\n' -L "dependency=$R/deps" >"$R/externs"
for crate in $(sed -n '/^\[dependencies\]/,$ s/^\([a-z0-9_-]*\) *=.*/\1/p' "$R/crates.toml" | tr - _); do
  set -- "$R"/deps/lib"$crate"-*.rlib
  [ "$#" = 1 ] && [ -f "$1" ] || { echo "code-exec: expected one build of crate $crate, found: $*" >&2; exit 1; }
  printf '%s\n' --extern "$crate=$1" >>"$R/externs"
done
rm -rf "$work"
chmod -R a+rX "$R"
