main(_) ->
    io:format(standard_error, "oops~n", []).
