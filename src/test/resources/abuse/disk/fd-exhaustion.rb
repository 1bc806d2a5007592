# @attack opens files until no descriptor is left
# @expect-status OK
# @stdout-contains EMFILE
fds = []
begin
  loop { fds << File.open('/dev/null') }
rescue Errno::EMFILE => e
  puts "EMFILE #{fds.size < 256}"
end
