program utf8
  implicit none
  write (*, '(a)') 'héllo wörld ✓ 日本'
end program utf8
