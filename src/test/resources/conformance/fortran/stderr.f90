program err
  use, intrinsic :: iso_fortran_env, only: error_unit
  implicit none
  write (error_unit, '(a)') 'oops'
end program err
