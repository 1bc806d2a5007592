package dev.codeexec.rest.e2b;

/**
 * E2B's paths in a session: the user's home, /home/user (where commands start), is the session's
 * working directory; relative paths are relative to it. Other absolute paths are refused.
 */
final class E2bPaths {

    static final String HOME = "/home/user";
    private static final String WORKDIR = "/sandbox";

    private E2bPaths() {
    }

    /** The path under the working directory ("" for the directory itself). */
    static String inSession(String path) {
        if (path == null || path.isEmpty()) {
            throw new Connect.Error("invalid_argument", "path is required");
        }
        String p = path;
        for (String root : new String[] {HOME, WORKDIR}) {
            if (p.equals(root) || p.equals(root + "/")) {
                return "";
            }
            if (p.startsWith(root + "/")) {
                p = p.substring(root.length() + 1);
                break;
            }
        }
        if (p.startsWith("/")) {
            throw new Connect.Error("invalid_argument", path + " is outside " + HOME
                    + ", the only directory of a code-exec sandbox a client can reach");
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }

    /** The E2B path of a path under the working directory. */
    static String outside(String inSession) {
        return inSession.isEmpty() || inSession.equals(".") ? HOME : HOME + "/" + inSession;
    }
}
