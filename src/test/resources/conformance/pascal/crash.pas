program Crash;
uses SysUtils;
var
  a, b: Integer;
begin
  a := 1;
  b := ParamCount;
  WriteLn(a div b);
end.
