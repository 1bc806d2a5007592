# @attack fills /tmp
# @expect-status OK
# @stdout-contains full ENOSPC
n = 0
begin
  100.times { |i| File.binwrite("/tmp/fill#{i}", 'x' * (1 << 20)); n += 1 }
rescue SystemCallError => e
  puts "full #{e.class.name.split('::').last} #{n < 17}"
end
