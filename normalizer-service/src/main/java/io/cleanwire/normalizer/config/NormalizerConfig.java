package io.cleanwire.normalizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of normalizer-service, under {@code cleanwire.normalizer}. */
@ConfigMapping(prefix = "cleanwire.normalizer")
public interface NormalizerConfig {

  /**
   * Query parameters removed from entry links to form the canonical URL, compared
   * case-insensitively; a trailing {@code *} matches a prefix. Env: {@code
   * CLEANWIRE_NORMALIZER_TRACKING_PARAMETERS} (comma-separated).
   */
  @WithDefault(
      "utm_*,fbclid,gclid,dclid,gbraid,wbraid,msclkid,yclid,twclid,mc_cid,mc_eid,igshid,"
          + "ref_src,ref_url,_hsenc,_hsmi,mkt_tok,oly_anon_id,oly_enc_id,vero_id,vero_conv,"
          + "__twitter_impression,wt_mc,ncid,sr_share,spm")
  List<String> trackingParameters();

  /**
   * Minimum length (characters of plain text) of an entry's content for it to be matched to a story
   * by exact content fingerprint; shorter texts ("Daily briefing" with no body) are too generic.
   */
  @WithDefault("200")
  int contentMatchMinChars();

  /** Boilerplate stripping from summaries and content, under {@code boilerplate}. */
  Boilerplate boilerplate();

  /** Settings of boilerplate stripping. */
  interface Boilerplate {

    /** Whether boilerplate lines are removed from summaries and content at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * A rules file that replaces the bundled {@code cleanwire/boilerplate-rules.txt} (same format:
     * {@code name: regular expression} per line, matching whole lines). Env: {@code
     * CLEANWIRE_NORMALIZER_BOILERPLATE_RULES_FILE}.
     */
    Optional<String> rulesFile();

    /**
     * A line that occurs at least this many times in one entry keeps only its first occurrence
     * (gallery captions); a line identical to the one before it is always dropped.
     */
    @WithDefault("3")
    int repeatedLineMinCount();

    /** Only lines up to this many characters count as repeated captions. */
    @WithDefault("160")
    int repeatedLineMaxChars();

    /** Learning the lines a feed repeats across its entries, under {@code learn}. */
    Learn learn();

    /** Settings of per-feed learned boilerplate (state in the database, shared by replicas). */
    interface Learn {

      /** Whether per-feed repeated lines are learned and removed. */
      @WithDefault("true")
      boolean enabled();

      /** A line must have appeared in at least this many entries of the feed. */
      @WithDefault("5")
      int minEntries();

      /** ... and in at least this share (0–1) of the feed's observed entries. */
      @WithDefault("0.3")
      double minShare();

      /** Longer lines are content, never learned. */
      @WithDefault("200")
      int maxLineChars();

      /** At most this many distinct lines are tracked per feed (bounds the table). */
      @WithDefault("2000")
      int maxLinesPerFeed();
    }
  }

  /** Language detection. */
  Language language();

  /** Near-duplicate story clustering. */
  Dedup dedup();

  /** Settings under {@code cleanwire.normalizer.language}. */
  interface Language {

    /**
     * Characters of an entry's text (title, then summary or content) read to detect its language;
     * more costs time and does not change the answer on news text.
     */
    @WithDefault("240")
    int sampleChars();

    /**
     * Texts with fewer letters than this get the high-accuracy pass (contexts of up to four
     * letters, 5-grams) over their few best candidates (titles, word pairs); longer ones are
     * decided by the trigram model alone unless its best language is not clearly ahead.
     */
    @WithDefault("120")
    int accurateBelowLetters();

    /**
     * ISO 639-1 codes allowed in the high-accuracy pass. Their 4- and 5-gram tables are built at
     * startup, ~2 MB of heap per language (~95 MB for the default 46); the others are still
     * detected, with the trigram tables only.
     */
    @WithDefault(
        "en,de,fr,es,it,pt,nl,pl,ru,uk,cs,sk,sv,da,nb,nn,fi,hu,tr,ro,ca,hr,bs,sl,id,ms,vi,bg,"
            + "mk,be,sr,kk,et,lv,lt,sq,eu,ga,af,az,is,ur,fa,ar,hi,mr")
    List<String> accurateLanguages();

    /** The declared language's (feed or xml:lang) prior multiplier is 1 + this; soft, not truth. */
    @WithDefault("1.5")
    double declaredWeight();

    /** A language's prior multiplier is 1 + this × its share of the feed's recent entries. */
    @WithDefault("1.0")
    double feedMixWeight();

    /** Feeds whose recent language mix is remembered (least recently seen are forgotten). */
    @WithDefault("50000")
    int feedMixFeeds();
  }

  /** Settings under {@code cleanwire.normalizer.dedup}. */
  interface Dedup {

    /**
     * How long a story can gain members: near-duplicate signatures and LSH bands older than this
     * are not matched and are purged. Env: {@code CLEANWIRE_NORMALIZER_DEDUP_WINDOW}.
     */
    @WithDefault("P14D")
    java.time.Duration window();

    /** Minimum verified Jaccard similarity of two entries' shingle sets for a near match. */
    @WithDefault("0.6")
    double minJaccard();

    /**
     * Minimum containment (shared shingles / shingles of the smaller entry) for a near match, so
     * that a truncated summary still joins its full text.
     */
    @WithDefault("0.8")
    double minContainment();

    /** Minimum distinct shingles of an entry's text for it to be matched as a near duplicate. */
    @WithDefault("12")
    int minShingles();

    /** Cron of the purge of expired dedup rows. */
    @WithDefault("0 17 * * * ?")
    String purgeCron();

    /**
     * Where the LSH band index is kept. {@code memory}: each replica keeps every band key in a
     * table in memory, loaded from the database at start and kept current from it (~16 bytes per
     * band key, 14 per story), and batches that write are serialized across replicas by a database
     * row lock; the database then does a third of the work per entry. {@code database}: one row per
     * band key in {@code near_band}, concurrent batches decided by primary-key races. All replicas
     * must use the same; switch with every replica stopped. Env: {@code
     * CLEANWIRE_NORMALIZER_DEDUP_BAND_INDEX}.
     */
    @WithDefault("memory")
    BandIndex bandIndex();

    /**
     * Stories expected in the window, to size the in-memory band index at start (it grows past this
     * when needed, by half at a time). Env: {@code CLEANWIRE_NORMALIZER_DEDUP_EXPECTED_STORIES}.
     */
    @WithDefault("100000")
    long expectedStories();

    /** Where the band index is kept. */
    enum BandIndex {
      MEMORY,
      DATABASE
    }
  }
}
