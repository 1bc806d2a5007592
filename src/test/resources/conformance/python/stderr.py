import sys
print("oops", file=sys.stderr)
