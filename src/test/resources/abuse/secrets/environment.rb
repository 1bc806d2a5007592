# @attack dumps the environment looking for the service's secrets
# @expect-status OK
# @stdout-equals HOME,HOSTNAME,LANG,PATH,RUBY_THREAD_VM_STACK_SIZE,TMPDIR\n
puts ENV.keys.sort.join(',')
