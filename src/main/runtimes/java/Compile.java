import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * code-exec's Java compile step: javac (in-process) on every given source, then names the main class.
 *
 * Usage: java Compile MAINFILE SOURCE... (the first source is the entry file).
 * A public top-level class does not have to live in a file of its own name (the request's file names
 * are arbitrary): the sources are handed to javac as file objects that accept any class name.
 * Classes go to the working directory (packages as directories). The main class is the first
 * top-level class with public static void main(String[]) of the entry file (a public one first),
 * else of the other files in order; its binary name is written to MAINFILE for the run step.
 */
public final class Compile {

    /** A source file whose name javac does not hold against its public class. */
    private static final class Source extends SimpleJavaFileObject {
        private final String name;
        private final String text;

        Source(Path path, String text) {
            super(path.toAbsolutePath().toUri(), Kind.SOURCE);
            this.name = path.toString();
            this.text = text;
        }

        @Override
        public String getName() {
            return name; // as given (relative), for the diagnostics
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return kind == Kind.SOURCE && !simpleName.equals("package-info") && !simpleName.equals("module-info");
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Compile MAINFILE SOURCE...");
            System.exit(2);
        }
        Path mainFile = Path.of(args[0]);
        List<Source> sources = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            sources.add(new Source(p, Files.readString(p, StandardCharsets.UTF_8)));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        // The image's library jars (compile.sh passes them); classes of the sources come from the sources.
        List<String> options = List.of("-d", ".", "-encoding", "UTF-8", "-Xlint:-options", "-proc:none",
                "-sourcepath", "", "-classpath", System.getProperty("code-exec.libraries", ""));
        JavacTask task = (JavacTask) javac.getTask(null, files, null, options, null, sources);
        // Candidates in source order: index 0 = entry file.
        List<List<String[]>> mains = new ArrayList<>(); // per file: {binary name, "public" or ""}
        for (int i = 0; i < sources.size(); i++) mains.add(new ArrayList<>());
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent e) {
                if (e.getKind() != TaskEvent.Kind.ANALYZE || e.getTypeElement() == null) return;
                TypeElement type = e.getTypeElement();
                if (type.getNestingKind().isNested() || !hasMain(type)) return;
                int index = indexOf(sources, e.getSourceFile());
                if (index >= 0) {
                    String name = task.getElements().getBinaryName(type).toString();
                    mains.get(index).add(new String[] {name, type.getModifiers().contains(Modifier.PUBLIC) ? "public" : ""});
                }
            }
        });
        boolean ok = task.call();
        if (!ok) System.exit(1);
        for (List<String[]> inFile : mains) {
            String[] best = null;
            for (String[] t : inFile) {
                if (best == null || (!t[1].isEmpty() && best[1].isEmpty())) best = t;
            }
            if (best != null) {
                Files.writeString(mainFile, best[0] + "\n", StandardCharsets.UTF_8);
                return;
            }
        }
        System.err.println("error: no class has a method public static void main(String[] args)");
        System.exit(1);
    }

    /** javac wraps the file objects it is given, so they are matched by URI. */
    private static int indexOf(List<Source> sources, JavaFileObject file) {
        if (file == null) return -1;
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).toUri().equals(file.toUri())) return i;
        }
        return -1;
    }

    private static boolean hasMain(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.ENUM
                && type.getKind() != ElementKind.RECORD && type.getKind() != ElementKind.INTERFACE) {
            return false;
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (m.getSimpleName().contentEquals("main") && m.getModifiers().contains(Modifier.PUBLIC)
                    && m.getModifiers().contains(Modifier.STATIC) && m.getReturnType().getKind() == TypeKind.VOID
                    && m.getParameters().size() == 1 && m.getParameters().get(0).asType() instanceof ArrayType a
                    && a.getComponentType().toString().equals("java.lang.String")) {
                return true;
            }
        }
        return false;
    }
}
