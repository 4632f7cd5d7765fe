package se.breachflow.access.login;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client a login comes from: the remote address as the application sees it. Behind the proxy
 * ({@code server.forward-headers-strategy=native} in prod), Tomcat's RemoteIpValve has already replaced it with
 * the address in {@code X-Forwarded-For} — but only when the request came from a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}, {@code BREACHFLOW_TRUSTED_PROXIES}); {@code Forwarded} is
 * never read (README, Security). A client can therefore not name a new address with every guess. An IPv6 client
 * is its /64 network: one machine usually holds a whole /64 and could otherwise take a new address for every try.
 */
final class LoginClient {

  /** The engine checked a password outside any HTTP request (the application itself). */
  static final String NO_REQUEST = "(no request)";

  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[^\\]]*)?]?");
  private static final int MAX_LENGTH = 64;

  private LoginClient() {}

  /** The client of the HTTP request this thread serves (Spring's RequestContextHolder), in filters and servlets. */
  static String current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      return of(servlet.getRequest());
    }
    return NO_REQUEST;
  }

  static String of(HttpServletRequest request) {
    return normalize(request.getRemoteAddr());
  }

  /** IPv4 as it is, IPv6 as its /64 network ({@code 2001:db8:1:2::/64}), anything else cut to 64 characters. */
  static String normalize(String address) {
    if (address == null || address.isBlank()) {
      return "(unknown)";
    }
    String text = address.strip();
    if (text.endsWith("/64") || !IPV6_LITERAL.matcher(text).matches()) {
      return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
    try {
      // A literal (checked above): no name lookup happens.
      InetAddress parsed = InetAddress.getByName(text.replaceAll("^\\[|]$", "").replaceAll("%.*$", ""));
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress(); // an IPv4-mapped address
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder network = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException notAnAddress) {
      return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
  }
}
