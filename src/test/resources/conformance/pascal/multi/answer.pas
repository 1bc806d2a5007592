unit Answer;

interface

function Value: Integer;

implementation

function Value: Integer;
begin
  Value := 6 * 7;
end;

end.
