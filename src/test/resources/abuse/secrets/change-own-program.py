# @attack rewrites, deletes and re-permissions its own source file (owned by the builder), to plant code for later steps
# @expect-status OK
# @stdout-equals write refused\ndelete refused\nchmod refused\nnew files allowed\n
import os
try:
    open('main.py', 'a').write('# planted')
    print('write allowed')
except PermissionError:
    print('write refused')
try:
    os.unlink('main.py')
    print('delete allowed')
except PermissionError:
    print('delete refused')
try:
    os.chmod('main.py', 0o777)
    print('chmod allowed')
except PermissionError:
    print('chmod refused')
open('mine.txt', 'w').write('x')
print('new files allowed')
