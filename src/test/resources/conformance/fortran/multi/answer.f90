module answer_mod
  implicit none
contains
  integer function answer()
    answer = 6 * 7
  end function answer
end module answer_mod
