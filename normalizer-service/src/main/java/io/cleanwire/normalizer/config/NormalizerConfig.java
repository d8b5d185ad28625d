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
}
