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
      // Declared UTF-8 (or nothing) but not valid UTF-8: the usual culprit is Windows-1252.
      return new DecodedDocument(
          new String(body, WINDOWS_1252),
          declared,
          WINDOWS_1252.name(),
          "not valid UTF-8, no usable declaration: fallback");
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
