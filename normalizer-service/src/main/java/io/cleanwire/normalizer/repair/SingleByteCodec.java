package io.cleanwire.normalizer.repair;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;

/**
 * One legacy single-byte charset that UTF-8 bytes are commonly misread as, with the reverse map
 * from a misread character back to its byte.
 *
 * <p>The tables are "sloppy" (as ftfy's): bytes a charset leaves undefined map to the C1 control of
 * the same value, because that is what lenient decoders (and Latin-1) produce. Windows-1252 and
 * Latin-1 share one table: the reverse map accepts both the Windows-1252 punctuation and the C1
 * control for 0x80–0x9F, so one pass repairs either misreading (and a mix of them).
 */
public final class SingleByteCodec {

  /** Windows-1252 and Latin-1. */
  public static final SingleByteCodec WINDOWS_1252 = of("windows-1252", "windows-1252");

  /** Central European Windows (Polish, Czech, Hungarian...). */
  public static final SingleByteCodec WINDOWS_1250 = of("windows-1250", "windows-1250");

  /** Cyrillic Windows; also misreads Latin UTF-8 text ({@code rГ©gion}). */
  public static final SingleByteCodec WINDOWS_1251 = of("windows-1251", "windows-1251");

  /** Classic Mac OS Roman ({@code √©}, {@code ‚Äô}). */
  public static final SingleByteCodec MAC_ROMAN = of("mac-roman", "x-MacRoman");

  /** The IBM PC code page ({@code ├⌐}). */
  public static final SingleByteCodec CP437 = of("cp437", "IBM437");

  /** All codecs, most common first. */
  public static final List<SingleByteCodec> ALL =
      List.of(WINDOWS_1252, WINDOWS_1250, WINDOWS_1251, MAC_ROMAN, CP437);

  private static final int NONE = -1;

  private final String name;
  private final char[] decode = new char[256];
  private final short[] encode = new short[0x10000];

  private SingleByteCodec(String name, Charset charset) {
    this.name = name;
    Arrays.fill(encode, (short) NONE);
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int b = 0; b < 256; b++) {
      char c;
      try {
        c = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
      } catch (java.nio.charset.CharacterCodingException e) {
        c = (char) b; // sloppy: undefined byte reads as the C1 control / Latin-1 char
      }
      decode[b] = c;
      encode[c] = (short) b;
    }
    if (name.equals("windows-1252")) {
      for (int b = 0x80; b < 0xA0; b++) {
        if (encode[b] == NONE) {
          encode[b] = (short) b; // Latin-1 reading of the same byte
        }
      }
    }
  }

  private static SingleByteCodec of(String name, String charset) {
    return new SingleByteCodec(name, Charset.forName(charset));
  }

  /** The name recorded in repair details. */
  public String name() {
    return name;
  }

  /** The byte {@code c} came from under this charset, or -1. */
  public int byteOf(char c) {
    return encode[c];
  }

  /** The character this charset reads for byte {@code b} (0–255). */
  public char charOf(int b) {
    return decode[b & 0xFF];
  }

  @Override
  public String toString() {
    return name;
  }
}
