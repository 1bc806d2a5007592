package dev.codeexec.rest.e2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codeexec.session.Session;
import dev.codeexec.session.SessionFiles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * E2B's envd (the SDK's E2B_SANDBOX_URL, port 49983): health, the /files upload and download, and
 * the filesystem service over Connect (Stat, ListDir, MakeDir, Move, Remove). Processes are in
 * {@link E2bProcesses}. Every path is one of the session's (see {@link E2bPaths}).
 */
@Path("/")
public class E2bEnvd {

    private final E2bData data;
    private final SessionFiles files;
    private final E2bErrors errors;

    public E2bEnvd(E2bData data, SessionFiles files, E2bErrors errors) {
        this.data = data;
        this.files = files;
        this.errors = errors;
    }

    @GET
    @Path("health")
    public Response health() {
        return Response.noContent().build();
    }

    @GET
    @Path("files")
    @Produces(MediaType.WILDCARD)
    public Response read(@QueryParam("path") String path, @Context HttpHeaders headers) {
        return files(() -> {
            byte[] content = files.read(data.session(headers), E2bPaths.inSession(path));
            return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
        });
    }

    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("path") String path, @RestForm("file") List<FileUpload> parts,
            @Context HttpHeaders headers) {
        return files(() -> {
            Session session = data.session(headers);
            ArrayNode written = Connect.JSON.createArrayNode();
            for (FileUpload part : parts == null ? List.<FileUpload>of() : parts) {
                String target = path != null && parts.size() == 1 ? path : part.fileName();
                byte[] content;
                try {
                    content = Files.readAllBytes(part.uploadedFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                written.add(write(session, target, content));
            }
            if (written.isEmpty()) {
                throw new Connect.Error("invalid_argument", "no file part in the upload");
            }
            return Response.ok(written.toString()).build();
        });
    }

    @POST
    @Path("files")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadRaw(@QueryParam("path") String path, byte[] body, @Context HttpHeaders headers) {
        return files(() -> {
            ArrayNode written = Connect.JSON.createArrayNode().add(write(data.session(headers), path, body));
            return Response.ok(written.toString()).build();
        });
    }

    @POST
    @Path("filesystem.Filesystem/{method}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response filesystem(@PathParam("method") String method, byte[] body, @Context HttpHeaders headers) {
        return errors.envd(() -> {
            Session session = data.session(headers);
            JsonNode request = Connect.message(body, headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
            ObjectNode answer = Connect.JSON.createObjectNode();
            switch (method) {
                case "Stat" -> answer.set("entry", entry(stat(session, request.path("path").asText())));
                case "ListDir" -> {
                    ArrayNode entries = answer.putArray("entries");
                    list(session, E2bPaths.inSession(request.path("path").asText()),
                            Math.max(1, request.path("depth").asInt(1)), entries);
                }
                case "MakeDir" -> {
                    String path = E2bPaths.inSession(request.path("path").asText());
                    if (!files.makeDir(session, path)) {
                        throw new Connect.Error("already_exists", "directory " + request.path("path").asText()
                                + " already exists");
                    }
                    answer.set("entry", entry(files.stat(session, path)));
                }
                case "Move" -> {
                    String to = E2bPaths.inSession(request.path("destination").asText());
                    files.move(session, E2bPaths.inSession(request.path("source").asText()), to);
                    answer.set("entry", entry(files.stat(session, to)));
                }
                case "Remove" -> {
                    String path = E2bPaths.inSession(request.path("path").asText());
                    missing(() -> files.remove(session, path));
                }
                default -> throw new Connect.Error("unimplemented", "filesystem." + method + " is not offered");
            }
            return Connect.unary(answer);
        });
    }

    private SessionFiles.Entry stat(Session session, String e2bPath) {
        String path = E2bPaths.inSession(e2bPath);
        return missing(() -> files.stat(session, path));
    }

    private void list(Session session, String dir, int depth, ArrayNode into) {
        for (SessionFiles.Entry e : missing(() -> files.list(session, dir))) {
            into.add(entry(e));
            if (depth > 1 && e.type().equals("dir")) {
                list(session, e.path(), depth - 1, into);
            }
        }
    }

    private ObjectNode write(Session session, String e2bPath, byte[] content) {
        String path = E2bPaths.inSession(e2bPath);
        files.write(session, path, content);
        return Connect.JSON.createObjectNode().put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("type", "file").put("path", E2bPaths.outside(path));
    }

    /** envd's entry (protobuf JSON: int64 size as a string, the type as its enum name). */
    static ObjectNode entry(SessionFiles.Entry e) {
        String type = switch (e.type()) {
            case "file" -> "FILE_TYPE_FILE";
            case "dir" -> "FILE_TYPE_DIRECTORY";
            case "symlink" -> "FILE_TYPE_SYMLINK";
            default -> "FILE_TYPE_UNSPECIFIED";
        };
        return Connect.JSON.createObjectNode().put("name", e.name()).put("type", type)
                .put("path", E2bPaths.outside(e.path())).put("size", String.valueOf(e.size())).put("mode", e.mode())
                .put("permissions", permissions(e)).put("owner", "user").put("group", "user")
                .put("modifiedTime", e.modified().toString());
    }

    private static String permissions(SessionFiles.Entry e) {
        StringBuilder s = new StringBuilder(e.type().equals("dir") ? "d" : e.type().equals("symlink") ? "l" : "-");
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (e.mode() >> shift) & 7;
            s.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return s.toString();
    }

    /** A missing file is envd's not_found. */
    private static <T> T missing(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SessionFiles.MissingException e) {
            throw new Connect.Error("not_found", e.getMessage());
        }
    }

    private static void missing(Runnable call) {
        missing(() -> {
            call.run();
            return null;
        });
    }

    /** /files answers with plain statuses (404 for a missing file); the body is the Connect error's. */
    private Response files(java.util.function.Supplier<Response> call) {
        return errors.envd(() -> missing(call));
    }
}
