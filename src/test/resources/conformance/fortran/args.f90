program args
  implicit none
  integer :: i, n
  character(len=4096) :: a
  character(len=:), allocatable :: line
  line = ''
  do i = 1, command_argument_count()
    call get_command_argument(i, a, n)
    if (i > 1) line = line // ' '
    line = line // a(1:n)
  end do
  write (*, '(a)') line
end program args
