program ExitCode;
begin
  Halt(3);
end.
