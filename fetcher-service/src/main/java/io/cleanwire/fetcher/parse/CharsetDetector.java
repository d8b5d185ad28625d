package io.cleanwire.fetcher.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the charset of a feed document from its BOM, the HTTP header, the XML prolog and the
 * bytes themselves, in that order of trust, except that bytes which are valid UTF-8 are read as
 * UTF-8 whatever the declarations say (a wrong declaration is far more common than Latin text that
 * happens to be valid UTF-8).
 */
public final class CharsetDetector {

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PROLOG_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final Charset KOI8_R = Charset.forName("KOI8-R");

  private CharsetDetector() {}

  /** Decodes the document; never fails (undecodable bytes become U+FFFD). */
  public static DecodedDocument decode(byte[] body, String contentType) {
    String headerCharset = headerCharset(contentType);
    // A BOM is the strongest signal: it cannot be there by accident.
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return new DecodedDocument(
          new String(body, 3, body.length - 3, StandardCharsets.UTF_8),
          declared(headerCharset, body, 3, StandardCharsets.UTF_8),
          "UTF-8",
          "byte order mark");
    }
    if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)) {
      Charset utf16 =
          (body[0] & 0xff) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
      return new DecodedDocument(
          new String(body, 2, body.length - 2, utf16),
          declared(headerCharset, body, 2, utf16),
          utf16.name(),
          "byte order mark");
    }
    // UTF-16 without BOM still starts with "<" as 00 3C or 3C 00.
    if (body.length >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0) {
      return utf16WithoutBom(body, headerCharset, StandardCharsets.UTF_16BE);
    }
    if (body.length >= 4 && body[0] == '<' && body[1] == 0 && body[3] == 0) {
      return utf16WithoutBom(body, headerCharset, StandardCharsets.UTF_16LE);
    }
    String prologCharset = prologCharset(body, 0, StandardCharsets.ISO_8859_1);
    String declared = headerCharset != null ? headerCharset : prologCharset;
    if (isValidUtf8(body)) {
      return new DecodedDocument(
          new String(body, StandardCharsets.UTF_8),
          declared,
          "UTF-8",
          declared == null || isUtf8(declared) || isAscii(body)
              ? "valid UTF-8"
              : "valid UTF-8 wins over the declared " + declared);
    }
    Charset charset = supported(headerCharset);
    String source = "HTTP header";
    if (charset == null || isUtf8(charset.name())) {
      charset = supported(prologCharset);
      source = "XML prolog";
    }
    if (charset == null || isUtf8(charset.name())) {
      // Declared UTF-8 (or nothing) but not valid UTF-8: read the bytes themselves.
      Charset guessed = guessSingleByte(body);
      return new DecodedDocument(
          new String(body, guessed),
          declared,
          guessed.name(),
          "not valid UTF-8, no usable declaration: guessed from the bytes");
    }
    if ((charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII))
        && hasC1Bytes(body)) {
      // As browsers do: bytes 0x80-0x9F labelled Latin-1 are Windows-1252 punctuation.
      charset = WINDOWS_1252;
      source += ", bytes 0x80-0x9F read as Windows-1252";
    }
    return new DecodedDocument(new String(body, charset), declared, charset.name(), source);
  }

  /** The charset parameter of a Content-Type header, or null. */
  /**
   * Guesses the single-byte charset of undeclared, non-UTF-8 bytes. Cyrillic words are runs of
   * bytes at 0xC0 and above, while accented Latin letters stand alone between ASCII letters; and
   * running text is mostly lower case, which KOI8-R puts at 0xC0-0xDF and Windows-1251 at
   * 0xE0-0xFF. Anything else is read as Windows-1252, the most common undeclared charset.
   */
  static Charset guessSingleByte(byte[] body) {
    int letters = 0;
    int inRuns = 0;
    int lowBlock = 0;
    for (int i = 0; i < body.length; i++) {
      int b = body[i] & 0xff;
      if (b < 0xC0) {
        continue;
      }
      letters++;
      boolean before = i > 0 && (body[i - 1] & 0xff) >= 0xC0;
      boolean after = i + 1 < body.length && (body[i + 1] & 0xff) >= 0xC0;
      if (before || after) {
        inRuns++;
      }
      if (b < 0xE0) {
        lowBlock++;
      }
    }
    if (letters < 8 || inRuns * 2 < letters) {
      return WINDOWS_1252;
    }
    return lowBlock * 2 > letters ? KOI8_R : WINDOWS_1251;
  }

  public static String headerCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  private static DecodedDocument utf16WithoutBom(
      byte[] body, String headerCharset, Charset charset) {
    return new DecodedDocument(
        new String(body, charset),
        declared(headerCharset, body, 0, charset),
        charset.name(),
        "UTF-16 byte pattern");
  }

  private static String declared(String header, byte[] body, int offset, Charset charset) {
    return header != null ? header : prologCharset(body, offset, charset);
  }

  private static String prologCharset(byte[] body, int offset, Charset charset) {
    int length = Math.min(body.length - offset, 512);
    if (length <= 0) {
      return null;
    }
    Matcher m = PROLOG_ENCODING.matcher(new String(body, offset, length, charset));
    return m.find() ? m.group(1) : null;
  }

  private static Charset supported(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean isUtf8(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return n.equals("utf8");
  }

  static boolean isValidUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasC1Bytes(byte[] body) {
    for (byte b : body) {
      int v = b & 0xff;
      if (v >= 0x80 && v <= 0x9f) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
