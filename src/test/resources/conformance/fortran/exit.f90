program exit_code
  implicit none
  stop 3
end program exit_code
