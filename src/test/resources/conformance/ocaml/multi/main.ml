let () = Printf.printf "%d\n" (Answer.value ())
