program Echo;
uses BaseUnix;
var
  buf: array[0..65535] of Byte;
  n: TSsize;
begin
  repeat
    n := fpRead(0, buf, SizeOf(buf));
    if n > 0 then fpWrite(1, buf, n);
  until n <= 0;
end.
