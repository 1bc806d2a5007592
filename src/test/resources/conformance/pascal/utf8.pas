program Utf8;
begin
  WriteLn('héllo wörld ✓ 日本');
end.
