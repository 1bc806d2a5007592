echo oops >&2
