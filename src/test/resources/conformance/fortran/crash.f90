program crash
  implicit none
  error stop 'boom'
end program crash
