-include("answer.hrl").

main(_) ->
    io:format("~p~n", [answer()]).
