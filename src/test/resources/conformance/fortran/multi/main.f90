program main
  use answer_mod, only: answer
  implicit none
  write (*, '(i0)') answer()
end program main
