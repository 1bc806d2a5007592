main(_) ->
    X = list_to_integer("0"),
    io:format("~p~n", [1 div X]).
