package io.cleanwire.normalizer.text;

/** The stable repair-kind words the normalizer writes into {@code Repair.kind}. */
public final class RepairKinds {

  /** HTML character references decoded ({@code &amp;amp;}, {@code &amp;#8217;}). */
  public static final String HTML_ENTITIES = "html-entities";

  /** UTF-8 misread through a legacy charset (one or two layers), repaired. */
  public static final String MOJIBAKE = "mojibake";

  /** UTF-8 written as byte escapes ({@code xe2x80x99}, {@code \\xe2...}) or {@code \\u} escapes. */
  public static final String ESCAPED_BYTES = "escaped-bytes";

  /** C1 control characters read as the Windows-1252 punctuation they stand for. */
  public static final String C1_CONTROLS = "c1-controls";

  /** Lines matching a configured boilerplate rule removed. */
  public static final String BOILERPLATE = "boilerplate";

  /** Lines the feed repeats across many entries (learned) removed. */
  public static final String LEARNED_BOILERPLATE = "learned-boilerplate";

  /** A line repeated inside one entry (gallery captions) kept once. */
  public static final String REPEATED_LINES = "repeated-lines";

  /** HTML markup turned into plain text. */
  public static final String HTML_TO_TEXT = "html-to-text";

  /** Text brought to Unicode normalization form C. */
  public static final String UNICODE_NFC = "unicode-nfc";

  /** Characters that XML 1.0 forbids (C0 controls, U+FFFE, lone surrogates) removed. */
  public static final String ILLEGAL_CHARACTERS = "illegal-characters";

  /** Zero-width and bidirectional control characters removed from a title. */
  public static final String INVISIBLE_CONTROLS = "invisible-controls";

  /** Whitespace runs collapsed, ends trimmed. */
  public static final String WHITESPACE = "whitespace";

  /** Blank author or category labels dropped. */
  public static final String EMPTY_REMOVED = "empty-removed";

  /** Unsafe HTML removed from content. */
  public static final String SANITIZED = "sanitized";

  /** Lazy-loaded images given their real source ({@code data-src}) as {@code src}. */
  public static final String LAZY_IMAGES = "lazy-images";

  /** Content was empty, the summary HTML was used instead. */
  public static final String CONTENT_FROM_SUMMARY = "content-from-summary";

  /** Tracking parameters removed from the link to form the canonical URL. */
  public static final String TRACKING_PARAMETERS = "tracking-parameters";

  /** Scheme/host case, default port, fragment or dot segments normalized in the canonical URL. */
  public static final String URL_NORMALIZED = "url-normalized";

  /** The link cannot be used as a canonical URL. */
  public static final String INVALID_URL = "invalid-url";

  /** The declared feed language is not a language code. */
  public static final String INVALID_LANGUAGE = "invalid-language";

  private RepairKinds() {}
}
