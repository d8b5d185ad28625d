package io.cleanwire.normalizer.persistence;

import io.cleanwire.events.MatchedBy;
import io.cleanwire.normalizer.dedup.Claim;
import io.cleanwire.normalizer.dedup.ContentFingerprint;
import io.cleanwire.normalizer.dedup.DedupStore;
import io.cleanwire.normalizer.dedup.NearDuplicates;
import io.cleanwire.normalizer.dedup.NearIndex;
import io.cleanwire.normalizer.dedup.NearSignature;
import io.cleanwire.normalizer.dedup.StoryDecision;
import io.cleanwire.normalizer.dedup.StoryMatcher;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The dedup state of one batch of entries, read in a few bulk queries and written in a few bulk
 * statements on one connection, inside the caller's transaction.
 *
 * <p>{@link StoryMatcher} and {@link io.cleanwire.normalizer.dedup.NearDuplicates} run unchanged on
 * top of it, entry after entry, exactly as they would against the database one entry at a time:
 * reads come from what the batch itself has claimed, then from what {@link #prefetch} loaded, then
 * (rarely) from a query; writes are kept until {@link #flush}.
 *
 * <p>Concurrency is optimistic. Every write is an insert of a key the batch believed free, or an
 * update of a claim it believed expired; if another replica took one of them first, the insert
 * fails on the primary key (or the update touches no row) and {@link #flush} throws {@link
 * Conflict}: the caller rolls back and decides the whole batch again, and the new reads see the
 * winner. The result is the one a single replica would reach processing the committed batches one
 * after another. Writes go table by table, keys sorted, so two replicas never wait on each other in
 * a cycle.
 */
final class DedupBatch implements DedupStore, NearIndex {

  /** Another replica claimed a key this batch wanted; decide the batch again. */
  static final class Conflict extends RuntimeException {
    Conflict(String what) {
      super(what, null, false, false);
    }
  }

  private static final int IN_CHUNK = 5000;

  private final Connection c;
  private final Instant now;
  private final boolean arrays;
  private final Set<String> own = new HashSet<>();
  private Instant expiredBefore = Instant.MIN;

  // committed state, as read
  private final Map<String, Optional<StoryDecision>> decisions = new HashMap<>();
  private final Map<String, Optional<Claim>> urls = new HashMap<>();
  private final Map<String, Optional<Claim>> contents = new HashMap<>();
  private final Map<Long, Optional<Held>> bands = new HashMap<>();
  private final Map<String, Optional<Stored>> signatures = new HashMap<>();

  // this batch's writes
  private final Map<String, PendingDecision> newDecisions = new TreeMap<>();
  private final Map<String, PendingClaim> newUrls = new TreeMap<>();
  private final Map<String, PendingClaim> newContents = new TreeMap<>();
  private final Map<String, NearSignature> newSignatures = new TreeMap<>();

  /** Bands claimed and taken over by this batch (hash maps: sorted by key only when written). */
  private final Map<Long, String> newBands = new HashMap<>();

  private final Map<Long, String> takenBands = new HashMap<>();
  private final List<String[]> urlMoves = new ArrayList<>();
  private final List<String[]> contentMoves = new ArrayList<>();

  /**
   * Who holds a band key, and since when (microseconds since the epoch: what the database keeps,
   * and 24 bytes less per entry than an {@link Instant} in the in-memory index).
   */
  record Held(String entryKey, long claimedMicros) {

    Held(String entryKey, Instant claimedAt) {
      this(entryKey, micros(claimedAt));
    }

    /** Microseconds since the epoch (what the database keeps of a time). */
    static long micros(Instant at) {
      return Math.addExact(
          Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    Instant claimedAt() {
      return Instant.ofEpochSecond(
          Math.floorDiv(claimedMicros, 1_000_000L),
          Math.floorMod(claimedMicros, 1_000_000L) * 1_000L);
    }
  }

  /** One band of one entry of the batch, walked slot by slot in {@link #prefetch}. */
  private record Walk(StoryMatcher.Candidate entry, int band) {
    long key(int slot) {
      return NearDuplicates.slotKey(entry.signature().bands()[band], slot);
    }
  }

  private record Stored(NearSignature signature, Instant createdAt) {}

  private record PendingDecision(StoryDecision decision, String canonicalUrl, String fingerprint) {}

  private static final class PendingClaim {
    final String key;
    final String canonicalUrl;
    final String entryKey;
    String storyId;

    PendingClaim(String key, String canonicalUrl, String entryKey, String storyId) {
      this.key = key;
      this.canonicalUrl = canonicalUrl;
      this.entryKey = entryKey;
      this.storyId = storyId;
    }
  }

  /**
   * @param arrays write each table's rows as one {@code INSERT … SELECT FROM unnest(arrays)}
   *     (PostgreSQL) instead of batched multi-row inserts: one statement per table whatever the
   *     number of rows, and PostgreSQL's cost per row is lower
   * @param mirror the replica's in-memory band index (read instead of {@code near_band}; the
   *     batch's claims are written to {@code near_signature.claimed}), or null for the database
   *     band table
   * @param seqBase the last commit sequence number, read under the writers' lock (memory index)
   */
  DedupBatch(Connection c, Instant now, boolean arrays, BandMirror mirror, long seqBase) {
    this.c = c;
    this.now = now;
    this.arrays = arrays;
    this.mirror = mirror;
    this.seqBase = seqBase;
  }

  private final BandMirror mirror;
  private final long seqBase;

  /** The claims this batch wrote, in sequence order from {@code seqBase + 1} (memory index). */
  private final List<BandMirror.Committed> committed = new ArrayList<>();

  List<BandMirror.Committed> committedClaims() {
    return committed;
  }

  /**
   * Reads, in bulk, everything the batch's entries will ask for: their stored decisions, the claims
   * on their URL keys, fingerprints and bands, then the signatures of the band holders and the
   * decisions of those that {@code related} says an entry of the batch may join (any other decision
   * asked for is read when asked). Where a band's holder does not verify, the band's next slot is
   * read too, one query per slot depth.
   *
   * @param related whether two signatures make one story (what the near matching will verify; a
   *     copy meets its original in every band, so it should remember its answers), or null to read
   *     the decisions of every band holder
   */
  void prefetch(
      List<StoryMatcher.Candidate> entries, BiPredicate<NearSignature, NearSignature> related)
      throws SQLException {
    Set<String> keys = new LinkedHashSet<>();
    Set<String> urlHashes = new LinkedHashSet<>();
    Set<String> fingerprints = new LinkedHashSet<>();
    Set<Long> bandKeys = new LinkedHashSet<>();
    for (StoryMatcher.Candidate e : entries) {
      keys.add(e.entryKey());
      own.add(e.entryKey());
      String url = StoryMatcher.matchableUrl(e.canonicalUrl());
      if (url != null) {
        urlHashes.add(ContentFingerprint.sha256Hex(url));
      }
      if (e.fingerprint() != null) {
        fingerprints.add(e.fingerprint());
      }
      if (e.signature() != null) {
        for (long b : e.signature().bands()) {
          bandKeys.add(b);
        }
      }
    }
    // Claims first, decisions after: a replica commits an entry's claims and its decision
    // together, so every holder seen here has its decision visible to the reads below. A URL or
    // content holder's decision is not needed: its claim carries the story.
    loadClaims("url_claim", "url_hash", urlHashes, urls);
    loadClaims("content_claim", "fingerprint", fingerprints, contents);
    loadBands(bandKeys);
    Set<String> bandHolders = new HashSet<>();
    bands.values().forEach(o -> o.ifPresent(h -> bandHolders.add(h.entryKey())));
    bandHolders.addAll(keys);
    loadSignatures(bandHolders);
    // Walk each band's slots as NearDuplicates will: past holders that do not verify, to the
    // slot where the entry meets its story or claims a key of its own.
    Set<String> undecided = new HashSet<>(keys);
    List<Walk> walking = new ArrayList<>();
    for (StoryMatcher.Candidate e : entries) {
      if (e.signature() != null) {
        for (int i = 0; i < e.signature().bands().length; i++) {
          walking.add(new Walk(e, i));
        }
      }
    }
    for (int slot = 0; slot < NearDuplicates.SLOTS && !walking.isEmpty(); slot++) {
      if (slot > 0) {
        Set<Long> slotKeys = new LinkedHashSet<>();
        for (Walk w : walking) {
          long key = w.key(slot);
          if (!bands.containsKey(key)) {
            slotKeys.add(key);
          }
        }
        loadBands(slotKeys);
        Set<String> holders = new HashSet<>();
        slotKeys.forEach(k -> bands.get(k).ifPresent(h -> holders.add(h.entryKey())));
        loadSignatures(holders);
      }
      List<Walk> blocked = new ArrayList<>();
      // a key free in the database goes to the first entry of the batch that reaches it
      Map<Long, Walk> claimedInBatch = new HashMap<>();
      for (Walk w : walking) {
        long key = w.key(slot);
        Optional<Held> held = bands.get(key);
        String holder;
        NearSignature theirs;
        if (held == null || held.isEmpty()) {
          Walk first = claimedInBatch.putIfAbsent(key, w);
          if (first == null || first.entry == w.entry) {
            continue;
          }
          holder = first.entry.entryKey();
          theirs = first.entry.signature();
        } else {
          holder = held.get().entryKey();
          if (holder.equals(w.entry.entryKey())) {
            continue;
          }
          Optional<Stored> stored = signatures.get(holder);
          theirs = stored == null ? null : stored.map(Stored::signature).orElse(null);
        }
        NearSignature other = theirs;
        boolean verifies =
            other != null && (related == null || related.test(w.entry.signature(), other));
        if (verifies) {
          undecided.add(holder);
        } else if (related != null) {
          blocked.add(w);
        }
      }
      walking = blocked;
    }
    loadDecisions(undecided);
  }

  // ---------------------------------------------------------------- DedupStore

  @Override
  public Optional<StoryDecision> findDecision(String entryKey) {
    PendingDecision pending = newDecisions.get(entryKey);
    if (pending != null) {
      return Optional.of(pending.decision());
    }
    Optional<StoryDecision> known = decisions.get(entryKey);
    if (known == null || (known.isEmpty() && !own.contains(entryKey))) {
      // not read yet, or another entry undecided when read: it may have been committed since
      // (an entry of this batch cannot be: another replica deciding it conflicts at the flush)
      known = query(() -> readDecisions(List.of(entryKey)).get(entryKey));
      decisions.put(entryKey, known);
    }
    return known;
  }

  @Override
  public StoryDecision saveDecision(
      String entryKey, StoryDecision decision, String canonicalUrl, String fingerprint) {
    Optional<StoryDecision> stored = findDecision(entryKey);
    if (stored.isPresent()) {
      return stored.get();
    }
    newDecisions.put(entryKey, new PendingDecision(decision, canonicalUrl, fingerprint));
    return decision;
  }

  @Override
  public Optional<Claim> findUrl(String canonicalUrl) {
    return findClaim(
        ContentFingerprint.sha256Hex(canonicalUrl), newUrls, urls, "url_claim", "url_hash");
  }

  @Override
  public Claim claimUrl(String canonicalUrl, Claim claim) {
    String hash = ContentFingerprint.sha256Hex(canonicalUrl);
    return findClaim(hash, newUrls, urls, "url_claim", "url_hash")
        .orElseGet(
            () -> {
              newUrls.put(
                  hash, new PendingClaim(hash, canonicalUrl, claim.entryKey(), claim.storyId()));
              return claim;
            });
  }

  @Override
  public void moveUrlClaim(String canonicalUrl, String entryKey, String storyId) {
    move(ContentFingerprint.sha256Hex(canonicalUrl), entryKey, storyId, newUrls, urls, urlMoves);
  }

  @Override
  public Optional<Claim> findContent(String fingerprint) {
    return findClaim(fingerprint, newContents, contents, "content_claim", "fingerprint");
  }

  @Override
  public Claim claimContent(String fingerprint, Claim claim) {
    return findClaim(fingerprint, newContents, contents, "content_claim", "fingerprint")
        .orElseGet(
            () -> {
              newContents.put(
                  fingerprint,
                  new PendingClaim(fingerprint, null, claim.entryKey(), claim.storyId()));
              return claim;
            });
  }

  @Override
  public void moveContentClaim(String fingerprint, String entryKey, String storyId) {
    move(fingerprint, entryKey, storyId, newContents, contents, contentMoves);
  }

  private Optional<Claim> findClaim(
      String key,
      Map<String, PendingClaim> pending,
      Map<String, Optional<Claim>> read,
      String table,
      String column) {
    PendingClaim mine = pending.get(key);
    if (mine != null) {
      return Optional.of(new Claim(mine.entryKey, mine.storyId));
    }
    Optional<Claim> known = read.get(key);
    if (known == null) {
      known = query(() -> readClaims(table, column, List.of(key)).get(key));
      read.put(key, known);
    }
    return known;
  }

  private static void move(
      String key,
      String entryKey,
      String storyId,
      Map<String, PendingClaim> pending,
      Map<String, Optional<Claim>> read,
      List<String[]> moves) {
    PendingClaim mine = pending.get(key);
    if (mine != null) {
      if (mine.entryKey.equals(entryKey)) {
        mine.storyId = storyId;
      }
      return;
    }
    Optional<Claim> known = read.get(key);
    if (known != null && known.isPresent() && known.get().entryKey().equals(entryKey)) {
      // our own claim from an earlier, interrupted attempt
      read.put(key, Optional.of(new Claim(entryKey, storyId)));
      moves.add(new String[] {storyId, key, entryKey});
    }
  }

  // ---------------------------------------------------------------- NearIndex

  @Override
  public String[] saveAndClaim(
      String entryKey, NearSignature signature, Instant at, Instant expiredBefore) {
    this.expiredBefore = expiredBefore;
    if (findSignature(entryKey, Instant.MIN).isEmpty()) {
      newSignatures.put(entryKey, signature);
    }
    return claim(entryKey, signature.bands(), at, expiredBefore);
  }

  @Override
  public String[] claim(String entryKey, long[] keys, Instant at, Instant expiredBefore) {
    this.expiredBefore = expiredBefore;
    String[] holders = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      long band = keys[i];
      String mine = ownHolder(band);
      if (mine != null) {
        holders[i] = mine;
        continue;
      }
      Optional<Held> held = bands.get(band);
      if (held == null) {
        held = query(() -> readBands(List.of(band)).get(band));
        bands.put(band, held);
      }
      if (held.isEmpty()) {
        newBands.put(band, entryKey);
        holders[i] = entryKey;
      } else if (held.get().claimedAt().isBefore(expiredBefore)
          && !held.get().entryKey().equals(entryKey)) {
        takenBands.put(band, entryKey);
        holders[i] = entryKey;
      } else {
        holders[i] = held.get().entryKey();
      }
    }
    return holders;
  }

  /** The entry of this batch that claimed or took over {@code band}, or null. */
  private String ownHolder(long band) {
    String mine = newBands.get(band);
    return mine != null ? mine : takenBands.get(band);
  }

  /**
   * {@code bands} in key order: every replica writes band rows in the same order, so two batches
   * that want some of the same keys wait for each other instead of deadlocking.
   */
  private static List<Map.Entry<Long, String>> byKey(Map<Long, String> bands) {
    List<Map.Entry<Long, String>> rows = new ArrayList<>(bands.entrySet());
    rows.sort(Map.Entry.comparingByKey());
    return rows;
  }

  @Override
  public Optional<String> findBandHolder(long band, Instant notBefore) {
    String mine = ownHolder(band);
    if (mine != null) {
      return Optional.of(mine);
    }
    Optional<Held> held = bands.get(band);
    if (held == null) {
      held = query(() -> readBands(List.of(band)).get(band));
      bands.put(band, held);
    }
    return held.filter(h -> !h.claimedAt().isBefore(notBefore)).map(Held::entryKey);
  }

  @Override
  public Optional<NearSignature> findSignature(String entryKey, Instant notBefore) {
    NearSignature mine = newSignatures.get(entryKey);
    if (mine != null) {
      return Optional.of(mine);
    }
    Optional<Stored> stored = signatures.get(entryKey);
    if (stored == null) {
      stored = query(() -> readSignatures(List.of(entryKey)).get(entryKey));
      signatures.put(entryKey, stored);
    }
    return stored.filter(s -> !s.createdAt().isBefore(notBefore)).map(Stored::signature);
  }

  @Override
  public int purge(Instant before) {
    throw new UnsupportedOperationException("a batch does not purge");
  }

  // ---------------------------------------------------------------- writing

  /**
   * Writes the batch's claims, signatures and decisions; throws {@link Conflict} on a lost race.
   */
  void flush() throws SQLException {
    if (arrays) {
      flushAsArrays();
      return;
    }
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    insertClaims(
        "INSERT INTO url_claim (url_hash, canonical_url, entry_key, story_id, claimed_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        newUrls.values(),
        true,
        at);
    insertClaims(
        "INSERT INTO content_claim (fingerprint, entry_key, story_id, claimed_at)"
            + " VALUES (?, ?, ?, ?)",
        newContents.values(),
        false,
        at);
    if (writeSignaturesAndClaims(at)) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO near_band (band_key, entry_key, claimed_at) VALUES (?, ?, ?)")) {
        for (Map.Entry<Long, String> e : byKey(newBands)) {
          insert.setLong(1, e.getKey());
          insert.setString(2, e.getValue());
          insert.setObject(3, at);
          insert.addBatch();
        }
        execute(insert, "near_band");
      }
    }
    moveAllClaims();
    if (!newDecisions.isEmpty()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO entry_decision (entry_key, story_id, duplicate_of, matched_by,"
                  + " similarity, canonical_url, exact_fingerprint, decided_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Map.Entry<String, PendingDecision> e : newDecisions.entrySet()) {
          StoryDecision d = e.getValue().decision();
          insert.setString(1, e.getKey());
          insert.setString(2, d.storyId());
          insert.setString(3, d.duplicateOf());
          insert.setString(4, d.matchedBy() == null ? null : d.matchedBy().name());
          insert.setObject(5, d.similarity());
          insert.setString(6, e.getValue().canonicalUrl());
          insert.setString(7, e.getValue().fingerprint());
          insert.setObject(8, at);
          insert.addBatch();
        }
        execute(insert, "entry_decision");
      }
    }
  }

  /** The same writes, one {@code INSERT … SELECT FROM unnest(…)} per table. */
  private void flushAsArrays() throws SQLException {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    insertClaimArrays("url_claim", "url_hash", newUrls.values(), true, at);
    insertClaimArrays("content_claim", "fingerprint", newContents.values(), false, at);
    if (writeSignaturesAndClaims(at)) {
      List<Map.Entry<Long, String>> rows = byKey(newBands);
      insertArrays(
          "near_band",
          "INSERT INTO near_band (band_key, entry_key, claimed_at)"
              + " SELECT k, e, ?::timestamptz FROM unnest(?::bigint[], ?::varchar[]) AS t(k, e)",
          rows.size(),
          at,
          bigints(rows.stream().map(Map.Entry::getKey).toList()),
          varchars(rows, Map.Entry::getValue));
    }
    moveAllClaims();
    if (!newDecisions.isEmpty()) {
      List<Map.Entry<String, PendingDecision>> rows = new ArrayList<>(newDecisions.entrySet());
      insertArrays(
          "entry_decision",
          "INSERT INTO entry_decision (entry_key, story_id, duplicate_of, matched_by,"
              + " similarity, canonical_url, exact_fingerprint, decided_at)"
              + " SELECT k, s, d, m, x, u, f, ?::timestamptz FROM unnest(?::varchar[],"
              + " ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::varchar[],"
              + " ?::varchar[]) AS t(k, s, d, m, x, u, f)",
          rows.size(),
          at,
          varchars(rows, Map.Entry::getKey),
          varchars(rows, r -> r.getValue().decision().storyId()),
          varchars(rows, r -> r.getValue().decision().duplicateOf()),
          varchars(
              rows,
              r -> {
                MatchedBy m = r.getValue().decision().matchedBy();
                return m == null ? null : m.name();
              }),
          c.createArrayOf(
              "FLOAT8", rows.stream().map(r -> r.getValue().decision().similarity()).toArray()),
          varchars(rows, r -> r.getValue().canonicalUrl()),
          varchars(rows, r -> r.getValue().fingerprint()));
    }
  }

  /** {@link #insertClaims} as one {@code INSERT … SELECT FROM unnest(…)}. */
  private void insertClaimArrays(
      String table,
      String keyColumn,
      Collection<PendingClaim> claims,
      boolean withUrl,
      OffsetDateTime at)
      throws SQLException {
    if (claims.isEmpty()) {
      return;
    }
    List<PendingClaim> rows = new ArrayList<>(claims);
    List<java.sql.Array> columns = new ArrayList<>();
    columns.add(varchars(rows, p -> p.key));
    if (withUrl) {
      columns.add(varchars(rows, p -> p.canonicalUrl));
    }
    columns.add(varchars(rows, p -> p.entryKey));
    columns.add(varchars(rows, p -> p.storyId));
    insertArrays(
        table,
        "INSERT INTO "
            + table
            + " ("
            + keyColumn
            + (withUrl ? ", canonical_url" : "")
            + ", entry_key, story_id, claimed_at) SELECT t.*, ?::timestamptz FROM unnest("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?::varchar[]"))
            + ") AS t",
        rows.size(),
        at,
        columns.toArray(java.sql.Array[]::new));
  }

  private <T> java.sql.Array varchars(List<T> rows, java.util.function.Function<T, String> column)
      throws SQLException {
    // a String[] (not Object[]): the PostgreSQL driver then sends it as a binary varchar[] instead
    // of quoting and escaping every element into array text for the server to parse
    return c.createArrayOf("VARCHAR", rows.stream().map(column).toArray(String[]::new));
  }

  /** Inserts {@code expected} rows in one statement; a lost race is a {@link Conflict}. */
  private void insertArrays(
      String what, String sql, int expected, OffsetDateTime at, java.sql.Array... columns)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      insert.setObject(1, at);
      for (int i = 0; i < columns.length; i++) {
        insert.setArray(i + 2, columns[i]);
      }
      int written = insert.executeUpdate();
      if (written != expected) {
        throw new Conflict(what + ": " + written + " of " + expected + " rows written");
      }
    } catch (SQLException e) {
      if (JdbcStoryDecider.isRace(e)) {
        throw new Conflict(what + ": " + e.getMessage());
      }
      throw e;
    }
  }

  private void insertSignatures(OffsetDateTime at) throws SQLException {
    if (!newSignatures.isEmpty()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO near_signature (entry_key, shingles, bands, media_key, series_title,"
                  + " created_at, claimed, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Map.Entry<String, NearSignature> e : newSignatures.entrySet()) {
          insert.setString(1, e.getKey());
          insert.setBytes(2, ints(e.getValue().shingles()));
          insert.setBytes(3, longs(e.getValue().bands()));
          insert.setString(4, e.getValue().mediaKey());
          insert.setString(5, e.getValue().seriesTitle());
          insert.setObject(6, at);
          Integer claim = claimIndex.get(e.getKey());
          if (claim == null) {
            insert.setNull(7, java.sql.Types.BINARY);
            insert.setNull(8, java.sql.Types.BIGINT);
          } else {
            insert.setBytes(7, longs(committed.get(claim).keys()));
            insert.setLong(8, seqBase + 1 + claim);
          }
          insert.addBatch();
        }
        execute(insert, "near_signature");
      }
    }
  }

  /**
   * Writes the signatures with the batch's band claims: on the signature rows with the memory
   * index, else the take-overs of expired band rows. Returns whether new band rows are left to
   * insert (the database band table), which each flush writes its own way.
   */
  private boolean writeSignaturesAndClaims(OffsetDateTime at) throws SQLException {
    assignClaims();
    insertSignatures(at);
    if (mirror != null) {
      writeClaims();
      return false;
    }
    takeOverBands(at);
    return !newBands.isEmpty();
  }

  /**
   * The memory index's claims: each entry's claimed and taken-over band keys, numbered from {@code
   * seqBase + 1} in entry-key order. They go on the entries' signature rows ({@link
   * #insertSignatures}, or an update for an entry whose signature was already stored). The caller
   * holds the writers' lock, so nobody else can take these numbers or these keys.
   */
  private void assignClaims() {
    if (mirror == null || !committed.isEmpty()) {
      return;
    }
    Map<String, List<Long>> byEntry = new TreeMap<>();
    newBands.forEach((k, e) -> byEntry.computeIfAbsent(e, x -> new ArrayList<>()).add(k));
    takenBands.forEach((k, e) -> byEntry.computeIfAbsent(e, x -> new ArrayList<>()).add(k));
    for (Map.Entry<String, List<Long>> e : byEntry.entrySet()) {
      long[] keys = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      committed.add(new BandMirror.Committed(e.getKey(), keys));
      claimIndex.put(e.getKey(), committed.size() - 1);
    }
  }

  /** Position in {@link #committed} (sequence number − seqBase − 1) of each claiming entry. */
  private final Map<String, Integer> claimIndex = new HashMap<>();

  /** Claims of entries whose signature row already existed, and the clock past every claim. */
  private void writeClaims() throws SQLException {
    if (committed.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE near_signature SET claimed = ?, seq = ? WHERE entry_key = ?")) {
      boolean any = false;
      for (int i = 0; i < committed.size(); i++) {
        BandMirror.Committed claim = committed.get(i);
        if (!newSignatures.containsKey(claim.entryKey())) {
          update.setBytes(1, longs(claim.keys()));
          update.setLong(2, seqBase + 1 + i);
          update.setString(3, claim.entryKey());
          update.addBatch();
          any = true;
        }
      }
      if (any) {
        execute(update, "near_signature claims");
      }
    }
    try (PreparedStatement clock =
        c.prepareStatement("UPDATE dedup_clock SET seq = ? WHERE id = 1 AND seq = ?")) {
      clock.setLong(1, seqBase + committed.size());
      clock.setLong(2, seqBase);
      if (clock.executeUpdate() != 1) {
        throw new Conflict("dedup_clock moved while the batch held its lock");
      }
    }
  }

  private void takeOverBands(OffsetDateTime at) throws SQLException {
    if (!takenBands.isEmpty()) {
      try (PreparedStatement takeOver =
          c.prepareStatement(
              "UPDATE near_band SET entry_key = ?, claimed_at = ?"
                  + " WHERE band_key = ? AND entry_key = ? AND claimed_at < ?")) {
        for (Map.Entry<Long, String> e : byKey(takenBands)) {
          Held was = bands.get(e.getKey()).orElseThrow();
          takeOver.setString(1, e.getValue());
          takeOver.setObject(2, at);
          takeOver.setLong(3, e.getKey());
          takeOver.setString(4, was.entryKey());
          takeOver.setObject(5, expiredBefore.atOffset(ZoneOffset.UTC));
          takeOver.addBatch();
        }
        execute(takeOver, "near_band take-over");
      }
    }
  }

  private void moveAllClaims() throws SQLException {
    moveClaims("UPDATE url_claim SET story_id = ? WHERE url_hash = ? AND entry_key = ?", urlMoves);
    moveClaims(
        "UPDATE content_claim SET story_id = ? WHERE fingerprint = ? AND entry_key = ?",
        contentMoves);
  }

  private void insertClaims(
      String sql, Collection<PendingClaim> claims, boolean withUrl, OffsetDateTime at)
      throws SQLException {
    if (claims.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      for (PendingClaim p : claims) {
        int i = 1;
        insert.setString(i++, p.key);
        if (withUrl) {
          insert.setString(i++, p.canonicalUrl);
        }
        insert.setString(i++, p.entryKey);
        insert.setString(i++, p.storyId);
        insert.setObject(i, at);
        insert.addBatch();
      }
      execute(insert, withUrl ? "url_claim" : "content_claim");
    }
  }

  private void moveClaims(String sql, List<String[]> moves) throws SQLException {
    if (moves.isEmpty()) {
      return;
    }
    try (PreparedStatement update = c.prepareStatement(sql)) {
      for (String[] m : moves) {
        update.setString(1, m[0]);
        update.setString(2, m[1]);
        update.setString(3, m[2]);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Runs a batch in which every row must be written once; anything else is a lost race. */
  private static void execute(PreparedStatement statement, String what) throws SQLException {
    int[] counts;
    try {
      counts = statement.executeBatch();
    } catch (SQLException e) {
      if (JdbcStoryDecider.isRace(e)) {
        throw new Conflict(what + ": " + e.getMessage());
      }
      throw e;
    }
    for (int n : counts) {
      if (n == 0) {
        throw new Conflict(what + ": a claim changed hands");
      }
    }
  }

  // ---------------------------------------------------------------- reading

  private interface Read<T> {
    T run() throws SQLException;
  }

  private static <T> Optional<T> query(Read<T> read) {
    try {
      return Optional.ofNullable(read.run());
    } catch (SQLException e) {
      throw new IllegalStateException("dedup read failed: " + e.getMessage(), e);
    }
  }

  private void loadDecisions(Collection<String> keys) throws SQLException {
    Map<String, StoryDecision> found = readDecisions(keys);
    for (String k : keys) {
      decisions.put(k, Optional.ofNullable(found.get(k)));
    }
  }

  private Map<String, StoryDecision> readDecisions(Collection<String> keys) throws SQLException {
    Map<String, StoryDecision> out = new HashMap<>();
    for (List<Object> chunk : chunks(keys)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT entry_key, story_id, duplicate_of, matched_by, similarity"
                  + " FROM entry_decision WHERE entry_key = ANY(?)")) {
        bind(s, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String matched = rs.getString(4);
            double similarity = rs.getDouble(5);
            out.put(
                rs.getString(1),
                new StoryDecision(
                    rs.getString(2),
                    rs.getString(3),
                    matched == null ? null : MatchedBy.valueOf(matched),
                    rs.wasNull() ? null : similarity));
          }
        }
      }
    }
    return out;
  }

  private void loadClaims(
      String table, String column, Collection<String> keys, Map<String, Optional<Claim>> into)
      throws SQLException {
    Map<String, Claim> found = readClaims(table, column, keys);
    for (String k : keys) {
      into.put(k, Optional.ofNullable(found.get(k)));
    }
  }

  private Map<String, Claim> readClaims(String table, String column, Collection<String> keys)
      throws SQLException {
    Map<String, Claim> out = new HashMap<>();
    for (List<Object> chunk : chunks(keys)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + column
                  + ", entry_key, story_id FROM "
                  + table
                  + " WHERE "
                  + column
                  + " = ANY(?)")) {
        bind(s, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), new Claim(rs.getString(2), rs.getString(3)));
          }
        }
      }
    }
    return out;
  }

  private void loadBands(Collection<Long> keys) throws SQLException {
    Map<Long, Held> found = readBands(keys);
    for (Long k : keys) {
      bands.put(k, Optional.ofNullable(found.get(k)));
    }
  }

  private Map<Long, Held> readBands(Collection<Long> keys) throws SQLException {
    Map<Long, Held> out = new HashMap<>();
    if (mirror != null) {
      for (Long k : keys) {
        Held held = mirror.get(k);
        if (held != null) {
          out.put(k, held);
        }
      }
      return out;
    }
    for (List<Object> chunk : chunks(keys)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT band_key, entry_key, claimed_at FROM near_band WHERE band_key = ANY(?)")) {
        bind(s, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.put(
                rs.getLong(1),
                new Held(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
          }
        }
      }
    }
    return out;
  }

  private void loadSignatures(Collection<String> keys) throws SQLException {
    keys = keys.stream().filter(k -> !signatures.containsKey(k)).toList();
    Map<String, Stored> found = readSignatures(keys);
    for (String k : keys) {
      signatures.put(k, Optional.ofNullable(found.get(k)));
    }
  }

  private Map<String, Stored> readSignatures(Collection<String> keys) throws SQLException {
    Map<String, Stored> out = new HashMap<>();
    for (List<Object> chunk : chunks(keys)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT entry_key, shingles, bands, media_key, created_at, series_title"
                  + " FROM near_signature"
                  + " WHERE entry_key = ANY(?)")) {
        bind(s, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.put(
                rs.getString(1),
                new Stored(
                    new NearSignature(
                        toInts(rs.getBytes(2)),
                        toLongs(rs.getBytes(3)),
                        rs.getString(4),
                        rs.getString(6)),
                    rs.getObject(5, OffsetDateTime.class).toInstant()));
          }
        }
      }
    }
    return out;
  }

  private static List<List<Object>> chunks(Collection<?> keys) {
    List<Object> all = new ArrayList<>(keys);
    List<List<Object>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      out.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
    }
    return out;
  }

  /** Binds the keys as one array: one statement text whatever their number (plans are reused). */
  private void bind(PreparedStatement s, List<Object> values) throws SQLException {
    boolean numbers = !values.isEmpty() && values.get(0) instanceof Long;
    s.setArray(
        1,
        numbers
            ? bigints(values.stream().map(Long.class::cast).toList())
            : c.createArrayOf("VARCHAR", values.toArray(new String[0])));
  }

  /**
   * A BIGINT array. On PostgreSQL from a primitive {@code long[]}, which the driver sends in
   * binary: as boxed values it writes, and the server parses, every key as decimal text (a batch
   * looks up about 4,000 band keys).
   */
  private java.sql.Array bigints(Collection<Long> values) throws SQLException {
    if (!arrays) {
      return c.createArrayOf("BIGINT", values.toArray());
    }
    long[] primitive = new long[values.size()];
    int i = 0;
    for (long v : values) {
      primitive[i++] = v;
    }
    return c.unwrap(org.postgresql.PGConnection.class).createArrayOf("int8", primitive);
  }

  static byte[] ints(int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  static byte[] longs(long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  static int[] toInts(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int[] out = new int[bytes.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getInt();
    }
    return out;
  }

  static long[] toLongs(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long[] out = new long[bytes.length / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getLong();
    }
    return out;
  }
}
