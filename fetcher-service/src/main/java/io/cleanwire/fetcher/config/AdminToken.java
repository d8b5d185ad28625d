package io.cleanwire.fetcher.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The admin API's bearer token and its constant-time check; no token means no writes at all. */
@ApplicationScoped
public class AdminToken {

  private static final Logger LOG = Logger.getLogger(AdminToken.class);

  private final Optional<byte[]> token;

  /**
   * @param token {@code cleanwire.admin-token} (env {@code CLEANWIRE_ADMIN_TOKEN}): the bearer
   *     token every write to the admin API must carry; unset or blank refuses all writes
   */
  public AdminToken(@ConfigProperty(name = "cleanwire.admin-token") Optional<String> token) {
    this.token = token.map(String::strip).filter(t -> !t.isEmpty()).map(AdminToken::sha256);
  }

  void warnWhenMissing(@Observes StartupEvent event) {
    if (token.isEmpty()) {
      LOG.warn(
          "cleanwire.admin-token is not set (env CLEANWIRE_ADMIN_TOKEN): the admin API refuses"
              + " every write until a token is configured");
    }
  }

  /** Whether a token is configured at all. */
  public boolean configured() {
    return token.isPresent();
  }

  /** Compares a presented token with the configured one in time independent of their content. */
  public boolean matches(String presented) {
    if (token.isEmpty() || presented == null) {
      return false;
    }
    // Digests have a fixed length, so neither the content nor the length of the token leaks.
    return MessageDigest.isEqual(token.get(), sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
