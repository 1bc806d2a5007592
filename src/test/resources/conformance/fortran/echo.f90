program echo
  use, intrinsic :: iso_fortran_env, only: input_unit, output_unit, iostat_end
  implicit none
  character(len=1) :: c
  integer :: ios
  ! Unformatted stream access on stdin/stdout: every byte, newlines included, copied as it is.
  open (unit=10, file='/dev/stdin', access='stream', form='unformatted', action='read', iostat=ios)
  open (unit=11, file='/dev/stdout', access='stream', form='unformatted', action='write', iostat=ios)
  do
    read (10, iostat=ios) c
    if (ios == iostat_end) exit
    if (ios /= 0) exit
    write (11) c
  end do
  close (11)
end program echo
