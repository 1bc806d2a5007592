# @attack dumps the environment looking for the service's secrets
# @expect-status OK
# @stdout-equals HOME,HOSTNAME,LANG,PATH,PWD,RUBY_THREAD_VM_STACK_SIZE,TMPDIR\n
# @note bubblewrap sets PWD (the scratch directory) in each run
puts ENV.keys.sort.join(',')
