%% code-exec's Erlang runner: runs a program the way escript does (main/1 gets the arguments as strings),
%% without escript's quirks: the first line is not skipped unless it is a "#!" line, the program is
%% always compiled (never interpreted), and stdout/stderr are unicode (OTP 25 leaves them latin1).
%%   erl -noshell -pa /opt/code-exec/erlang -s code_exec_run main -extra FILE [ARGS...]
%% Exit status: main/1's halt/1 if it calls it, else 0; 127 for compile errors and uncaught exceptions.
-module(code_exec_run).
-export([main/0]).

main() ->
    ok = io:setopts(standard_io, [{encoding, unicode}]),
    ok = io:setopts(standard_error, [{encoding, unicode}]),
    [File | Args] = init:get_plain_arguments(),
    Status = try run(File, Args) of
                 ok -> 0
             catch
                 throw:{code_exec, S} -> S;
                 Class:Reason:Stack ->
                     io:format(standard_error, "~ts: exception ~p: ~tp~n  ~tp~n", [File, Class, Reason, Stack]),
                     127
             end,
    halt(Status).

run(File, Args) ->
    Forms0 = case epp:parse_file(without_shebang(File), [{includes, [filename:dirname(File)]}, {source_name, File}]) of
                 {ok, Fs} -> Fs;
                 {error, E} ->
                     io:format(standard_error, "~ts: ~tp~n", [File, file:format_error(E)]),
                     throw({code_exec, 127})
             end,
    Forms1 = Forms0,
    {Mod, Forms} = case [M || {attribute, _, module, M} <- Forms1] of
                       [M | _] -> {M, Forms1};
                       [] -> {main, add_module(Forms1)}
                   end,
    case compile:forms(Forms, [report_errors, report_warnings, {source, File}, nowarn_unused_function]) of
        {ok, Mod, Bin} -> ok;
        {ok, Mod, Bin, _} -> ok;
        _ -> Bin = throw({code_exec, 127})
    end,
    {module, Mod} = code:load_binary(Mod, File, Bin),
    Mod:main(Args),
    ok.

%% A first line "#!..." (an escript's) is not Erlang: parse a copy in /tmp with that line emptied.
without_shebang(File) ->
    case file:read_file(File) of
        {ok, <<"#!", _/binary>> = Text} ->
            Copy = "/tmp/code_exec_main.erl",
            Rest = case binary:split(Text, <<"\n">>) of
                       [_, R] -> R;
                       [_] -> <<>>
                   end,
            ok = file:write_file(Copy, [<<"\n">>, Rest]),
            Copy;
        _ ->
            File
    end.

%% Like escript: a program without -module gets one, and main/1 is exported.
add_module([{attribute, _, file, _} = F | Rest]) ->
    [F, {attribute, {1, 1}, module, main}, {attribute, {1, 1}, export, [{main, 1}]} | Rest].
