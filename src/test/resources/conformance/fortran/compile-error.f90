program broken
  implicit none
  integer :: x
  x = 'not an integer'
end program broken
