program Main;
uses Answer;
begin
  WriteLn(Value);
end.
