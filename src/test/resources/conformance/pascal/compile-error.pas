program Broken;
var
  x: Integer;
begin
  x := 'not an integer';
end.
