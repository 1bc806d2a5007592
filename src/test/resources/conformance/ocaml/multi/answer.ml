let value () = 6 * 7
