package io.cleanwire.fetcher.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads and writes subscriptions. */
@ApplicationScoped
public class FeedRepository implements PanacheRepository<Feed> {

  public Optional<Feed> findByUrl(String url) {
    return find("url", url).firstResultOptional();
  }

  public List<Feed> listByIdAscending() {
    return listAll(Sort.ascending("id"));
  }
}
