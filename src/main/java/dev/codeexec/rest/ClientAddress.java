package dev.codeexec.rest;

import io.quarkus.runtime.Startup;
import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who sent a request, for per-client limits. The connection's peer, unless the peer is one of
 * quarkus.http.proxy.trusted-proxies: then the right-most X-Forwarded-For entry that is not a
 * trusted proxy (each proxy appends the address it saw, so entries left of that were written by
 * the client and prove nothing). Trusted proxies must be IP addresses or CIDR ranges: Quarkus
 * resolves a host name, and a bare IPv6 address such as ::1 (which it reads as host ":" port 1),
 * with a DNS query on every request, which stalls every request when DNS is slow or unreachable.
 */
@Startup
@Singleton
public class ClientAddress {

    private static final int MAX_ENTRY = 64;

    private final List<CidrAddress> trusted = new ArrayList<>();

    public ClientAddress(@ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> proxies) {
        for (String entry : proxies.orElse(List.of())) {
            trusted.add(parse(entry.trim()));
        }
    }

    /** The client's address as text (an IP address, or the unparsable X-Forwarded-For entry itself). */
    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        String address = peer == null ? "unknown" : peer.hostAddress();
        if (!isTrusted(address)) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            address = hops.get(i);
            if (!isTrusted(address)) {
                return address.length() > MAX_ENTRY ? address.substring(0, MAX_ENTRY) : address;
            }
        }
        return address; // every hop is a trusted proxy: the left-most one
    }

    private boolean isTrusted(String address) {
        InetAddress ip = Inet.parseInetAddress(unbracket(address));
        return ip != null && trusted.stream().anyMatch(range -> range.matches(ip));
    }

    private static CidrAddress parse(String entry) {
        CidrAddress range = entry.contains("/") ? Inet.parseCidrAddress(entry) : single(entry);
        if (range == null) {
            throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: '" + entry
                    + "' is not an IP address or CIDR range (write IPv6 addresses in brackets, e.g. [::1],"
                    + " or as a range, e.g. ::1/128; host names are not supported)");
        }
        return range;
    }

    private static CidrAddress single(String entry) {
        if (!entry.startsWith("[") && entry.contains(":")) {
            return null; // Quarkus would read a bare IPv6 address as host:port
        }
        InetAddress ip = Inet.parseInetAddress(unbracket(entry));
        return ip == null ? null : CidrAddress.create(ip, ip.getAddress().length * 8);
    }

    private static String unbracket(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }
}
