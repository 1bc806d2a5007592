main(Args) ->
    io:format("~ts~n", [lists:join(" ", Args)]).
