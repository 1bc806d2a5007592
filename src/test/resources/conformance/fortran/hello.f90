program hello
  implicit none
  write (*, '(a)') 'Hello, World!'
end program hello
