program Err;
begin
  WriteLn(StdErr, 'oops');
end.
