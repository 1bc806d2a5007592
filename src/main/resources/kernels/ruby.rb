# code-exec's Ruby REPL kernel: one per session context, cells in, events out (see python.py).
# Cells run in one binding kept for the session, so their local variables stay; the value of the
# last expression is the result (inspect); $stdout/$stderr become events, fd 1 goes to stderr.
require 'json'

PROTO = IO.new(STDOUT.fileno).dup
PROTO.sync = true
CELLS = STDIN.dup
STDIN.reopen(File::NULL)
STDOUT.reopen(STDERR)

def send_event(event)
  PROTO.write(JSON.generate(event) + "\n")
end

class EventStream
  def initialize(kind)
    @kind = kind
  end

  def write(*parts)
    s = parts.join
    send_event(t: @kind, s: s.dup.force_encoding(Encoding::UTF_8).scrub) unless s.empty?
    s.bytesize
  end

  def <<(s)
    write(s)
    self
  end

  def print(*parts) = write(*parts.map(&:to_s))
  def puts(*parts)
    parts = [''] if parts.empty?
    write(*parts.flatten.map { |p| p.to_s.end_with?("\n") ? p.to_s : "#{p}\n" })
    nil
  end
  def printf(*args) = write(format(*args))
  def flush = self
  def sync = true
  def sync=(_v); end
  def tty? = false
  def isatty = false
  def fileno = nil
end

$stdout = EventStream.new('out')
$stderr = EventStream.new('err')
CELL_BINDING = TOPLEVEL_BINDING.dup

trap('INT') { Thread.main.raise(Interrupt) }
CELLS.each_line do |line|
  begin
    value = eval(JSON.parse(line)['code'], CELL_BINDING, '<cell>')
    send_event(t: 'result', text: value.inspect) unless value.nil?
  rescue Exception => e # the cell's own failure, exit and ^C included: the state stays
    trace = (e.backtrace || []).reject { |l| l.start_with?('-e:') }
    send_event(t: 'error', name: e.class.name, value: e.message,
               traceback: (["#{e.class}: #{e.message}"] + trace.map { |l| "  from #{l}" }).join("\n"))
  end
  send_event(t: 'done')
end
