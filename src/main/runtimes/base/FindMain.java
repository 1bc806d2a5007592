import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * code-exec: finds the class to run after a JVM-language compile, from the class files alone (nothing is
 * loaded or initialised). Usage: java FindMain CLASSDIR ENTRYFILE MAINFILE.
 * Candidates are the classes with a public static void main(String[]); those compiled from ENTRYFILE
 * (their SourceFile attribute) come first, then shorter names. The binary name goes to MAINFILE.
 */
public final class FindMain {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String entry = Path.of(args[1]).getFileName().toString();
        List<String[]> found = new ArrayList<>(); // {binary name, source file}
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(p)) {
                    String[] info = scan(new DataInputStream(in));
                    if (info != null) found.add(info);
                }
            }
        }
        found.sort(Comparator.<String[], Boolean>comparing(c -> !entry.equals(c[1]))
                .thenComparing(c -> c[0].length()).thenComparing(c -> c[0]));
        if (found.isEmpty()) {
            System.err.println("error: no main function (no class has a public static void main(String[]))");
            System.exit(1);
        }
        Files.writeString(Path.of(args[2]), found.get(0)[0] + "\n", StandardCharsets.UTF_8);
    }

    /** {binary name, SourceFile} when the class has public static void main(String[]), else null. */
    private static String[] scan(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) return null;
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> { in.readLong(); i++; }
                default -> throw new IOException("bad constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access
        String name = utf8[classIndex[in.readUnsignedShort()]];
        in.readUnsignedShort(); // super
        skip(in, 2 * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) { skip(in, 6); skipAttributes(in); }
        boolean main = false;
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            int access = in.readUnsignedShort();
            String m = utf8[in.readUnsignedShort()];
            String desc = utf8[in.readUnsignedShort()];
            skipAttributes(in);
            if ((access & 0x0009) == 0x0009 && "main".equals(m) && "([Ljava/lang/String;)V".equals(desc)) main = true;
        }
        if (!main) return null;
        String source = null;
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String a = utf8[in.readUnsignedShort()];
            int len = in.readInt();
            if ("SourceFile".equals(a)) { source = utf8[in.readUnsignedShort()]; skip(in, len - 2); }
            else skip(in, len);
        }
        return new String[] {name.replace('/', '.'), source};
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        in.readFully(new byte[n]);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) { in.readUnsignedShort(); skip(in, in.readInt()); }
    }
}
