program Echo;
var
  buf: array[0..65535] of Byte;
  n: LongInt;
  fin, fout: File;
begin
  Assign(fin, '');
  Reset(fin, 1);
  Assign(fout, '');
  Rewrite(fout, 1);
  repeat
    BlockRead(fin, buf, SizeOf(buf), n);
    if n > 0 then BlockWrite(fout, buf, n);
  until n = 0;
  Close(fout);
end.
