package io.cleanwire.fetcher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the hosts every replica must wait for. */
@ApplicationScoped
public class HostLimitRepository implements PanacheRepositoryBase<HostLimit, String> {

  /** When the host may be fetched again, if it is blocked now. */
  public Optional<Instant> blockedUntil(String host, Instant now) {
    HostLimit limit = findById(host);
    return limit != null && limit.blockedUntil.isAfter(now)
        ? Optional.of(limit.blockedUntil)
        : Optional.empty();
  }

  /** Every host blocked now, with the end of its block. */
  public Map<String, Instant> blockedHosts(Instant now) {
    Map<String, Instant> blocked = new HashMap<>();
    for (HostLimit limit : list("blockedUntil > ?1", now)) {
      blocked.put(limit.host, limit.blockedUntil);
    }
    return blocked;
  }

  /**
   * Blocks a host until the given time; an existing longer block is kept (a second replica's
   * shorter Retry-After never shortens the first one's).
   */
  public void block(String host, Instant until, String reason, Instant now) {
    HostLimit limit = findById(host);
    if (limit == null) {
      limit = new HostLimit();
      limit.host = host;
      limit.blockedUntil = until;
      limit.reason = reason;
      limit.updatedAt = now;
      persist(limit);
      return;
    }
    if (limit.blockedUntil.isBefore(until) || limit.blockedUntil.isBefore(now)) {
      limit.blockedUntil = until;
      limit.reason = reason;
    }
    limit.updatedAt = now;
  }
}
