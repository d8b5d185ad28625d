package io.cleanwire.normalizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

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
}
