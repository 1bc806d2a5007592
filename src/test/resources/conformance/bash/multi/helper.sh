answer() {
  echo $(( 6 * 7 ))
}
