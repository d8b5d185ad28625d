package io.cleanwire.fetcher.parse;

/**
 * A feed document turned into text, with how the charset was decided.
 *
 * @param text the decoded text, BOM removed
 * @param declaredCharset what the HTTP header, else the XML prolog, named; may be null
 * @param usedCharset the charset actually used to decode
 * @param reason why this charset was used (BOM, valid UTF-8, header, prolog, fallback)
 */
public record DecodedDocument(
    String text, String declaredCharset, String usedCharset, String reason) {}
