let () = prerr_endline "oops"
