package io.cleanwire.fetcher.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cleanwire.events.Enclosure;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format, defect and charset the issue names, read as feedparser would read it. */
class LenientParsingTest {

  private static final String URL = "https://feeds.example/dir/feed.xml";
  private final FeedParser parser = new FeedParser();

  private static String rss(String items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
        + "<link>https://site.example/</link>"
        + items
        + "</channel></rss>";
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        // name, document, expected first title, expected repair
        Arguments.of(
            "junk before the first tag",
            "\n\nHello!<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><guid>1</guid><title>ok</title></item></channel></rss>",
            "ok",
            "before the first tag"),
        Arguments.of(
            "bare ampersand",
            rss("<item><guid>1</guid><title>Tom & Jerry</title></item>"),
            "Tom & Jerry",
            "bare '&'"),
        Arguments.of(
            "undeclared HTML entities",
            rss("<item><guid>1</guid><title>caf&eacute;&nbsp;cr&egrave;me</title></item>"),
            "café\u00a0crème",
            "HTML entities"),
        Arguments.of(
            "characters illegal in XML",
            rss("<item><guid>1</guid><title>bell\u0007 and \u0001nul</title></item>"),
            "bell and nul",
            "characters that XML forbids"),
        Arguments.of(
            "cut off before its closing tags",
            rss("<item><guid>1</guid><title>first</title></item><item><guid>2</guid><title>sec")
                .replace("</channel></rss>", ""),
            "first",
            "repaired malformed XML"),
        Arguments.of(
            "unclosed tag inside an item",
            rss("<item><guid>1</guid><title>first</title><p>para</item>"),
            "first",
            "repaired malformed XML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defects")
  void readsDefectiveDocumentsAndSaysWhatWasRepaired(
      String name, String document, String title, String repair) throws Exception {
    ParsedFeed feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, URL);

    assertThat(feed.entries()).isNotEmpty();
    assertThat(feed.entries().get(0).title()).isEqualTo(title);
    assertThat(feed.recovered()).isTrue();
    assertThat(String.join("; ", feed.repairs())).contains(repair);
  }

  @Test
  void aUtf8ByteOrderMarkIsNoDefect() throws Exception {
    byte[] doc =
        ("\uFEFF" + rss("<item><guid>1</guid><title>é</title></item>"))
            .getBytes(StandardCharsets.UTF_8);

    ParsedFeed feed = parser.parse(doc, "application/rss+xml", URL);

    assertThat(feed.entries().get(0).title()).isEqualTo("é");
    assertThat(feed.recovered()).isFalse();
  }

  static Stream<Arguments> charsets() {
    String cyrillic = "Новости дня";
    String latin = "Café “naïve” – Zürich";
    return Stream.of(
        // charset of the bytes, header, prolog encoding, title, expected used charset
        Arguments.of(
            "windows-1251", "text/xml; charset=windows-1251", null, cyrillic, "windows-1251"),
        Arguments.of("windows-1251", null, "windows-1251", cyrillic, "windows-1251"),
        Arguments.of("KOI8-R", null, "koi8-r", cyrillic, "KOI8-R"),
        Arguments.of("windows-1252", null, "windows-1252", latin, "windows-1252"),
        Arguments.of("ISO-8859-2", null, "iso-8859-2", "Łódź i Kraków", "ISO-8859-2"),
        Arguments.of("ISO-8859-15", null, "iso-8859-15", "Prix 10 € net", "ISO-8859-15"),
        // Latin-1 label but Windows-1252 quotes: read as browsers do
        Arguments.of("windows-1252", null, "iso-8859-1", latin, "windows-1252"),
        // valid UTF-8 wins over a wrong declaration
        Arguments.of("UTF-8", "application/rss+xml; charset=iso-8859-1", null, latin, "UTF-8"),
        Arguments.of("UTF-8", null, "windows-1251", cyrillic, "UTF-8"),
        // declared UTF-8, really Windows-1252
        Arguments.of("windows-1252", "text/xml; charset=utf-8", null, latin, "windows-1252"),
        Arguments.of("UTF-16LE", null, "utf-16", cyrillic, "UTF-16LE"),
        Arguments.of("UTF-16BE", null, "utf-16", cyrillic, "UTF-16BE"));
  }

  @ParameterizedTest(name = "{0} header={1} prolog={2}")
  @MethodSource("charsets")
  void decodesEveryCharsetRight(
      String actual, String header, String prolog, String title, String used) throws Exception {
    String doc =
        "<?xml version=\"1.0\""
            + (prolog == null ? "" : " encoding=\"" + prolog + "\"")
            + "?><rss version=\"2.0\"><channel><title>"
            + title
            + "</title><item><guid>1</guid><title>"
            + title
            + "</title></item></channel></rss>";

    ParsedFeed feed = parser.parse(doc.getBytes(Charset.forName(actual)), header, URL);

    assertThat(feed.entries().get(0).title()).isEqualTo(title);
    assertThat(feed.detectedCharset()).isEqualToIgnoringCase(used);
    assertThat(feed.declaredCharset())
        .isEqualTo(header != null ? header.replaceAll(".*=", "") : prolog);
  }

  @Test
  void decodesUtf16WithByteOrderMark() throws Exception {
    String doc = "\uFEFF" + rss("<item><guid>1</guid><title>Привет</title></item>");

    ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_16BE), null, URL);

    assertThat(feed.entries().get(0).title()).isEqualTo("Привет");
    assertThat(feed.detectedCharset()).isEqualTo("UTF-16BE");
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(
            "RSS 0.90",
            "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>Old</title>"
                + "<link>https://old.example/</link><description>d</description></channel>"
                + "<item><title>Ninety</title><link>https://old.example/90</link></item></rdf:RDF>",
            "rss_0.9",
            "Ninety"),
        Arguments.of(
            "RSS 0.91 with its Netscape DOCTYPE",
            "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS"
                + " 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
                + "<rss version=\"0.91\"><channel><title>N</title><link>https://n.example/</link>"
                + "<description>d</description><language>en</language><item><title>Ninety-one"
                + "</title><link>https://n.example/91</link></item></channel></rss>",
            "rss_0.91U",
            "Ninety-one"),
        Arguments.of(
            "RSS 0.92",
            "<rss version=\"0.92\"><channel><title>N</title><link>https://n.example/</link>"
                + "<description>d</description><item><title>Ninety-two</title>"
                + "<link>https://n.example/92</link></item></channel></rss>",
            "rss_0.92",
            "Ninety-two"),
        Arguments.of(
            "Atom 0.3",
            "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>A3</title>"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"https://a3.example/\"/>"
                + "<modified>2005-07-31T12:29:29Z</modified><entry><title>Old atom</title>"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"https://a3.example/1\"/>"
                + "<id>tag:a3.example,2005:1</id><issued>2005-07-31T12:29:29Z</issued>"
                + "<modified>2005-07-31T12:29:29Z</modified></entry></feed>",
            "atom_0.3",
            "Old atom"),
        Arguments.of(
            "JSON Feed 1.0",
            "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"J\","
                + " \"items\": [{\"id\": 1, \"url\": \"/j/1\", \"title\": \"Json one\","
                + " \"content_text\": \"x\"}]}",
            "json_1",
            "Json one"),
        Arguments.of(
            "JSON Feed 1.1",
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\","
                + " \"items\": [{\"id\": \"a\", \"title\": \"Json eleven\","
                + " \"content_html\": \"<p>x</p>\"}]}",
            "json_1.1",
            "Json eleven"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void readsEveryFormat(String name, String document, String format, String title)
      throws Exception {
    ParsedFeed feed = parser.parse(document.getBytes(StandardCharsets.UTF_8), null, URL);

    assertThat(feed.format()).isEqualTo(format);
    assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly(title);
  }

  @Test
  void aJsonFeedItemImageIsItsEnclosureWhenItHasNoAttachment() throws Exception {
    String json =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\", \"items\": ["
            + "{\"id\": \"1\", \"title\": \"Photos\", \"content_text\": \"Harbour\","
            + " \"image\": \"/g/1.png\"},"
            + "{\"id\": \"2\", \"title\": \"Photos\", \"content_text\": \"Harbour\","
            + " \"image\": \"/g/2.png\", \"attachments\": [{\"url\": \"/g/2-full.png\"}]}]}";

    ParsedFeed feed =
        parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json", URL);

    assertThat(feed.entries().get(0).enclosures())
        .containsExactly(new Enclosure("https://feeds.example/g/1.png", "image/png", null));
    assertThat(feed.entries().get(1).enclosures())
        .extracting(Enclosure::url)
        .containsExactly("https://feeds.example/g/2-full.png");
  }

  @Test
  void readsJsonFeedFieldsAndResolvesRelativeUrls() throws Exception {
    String json =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"J\","
            + " \"home_page_url\": \"/\", \"language\": \"en\", \"authors\": [{\"name\": \"Feed"
            + " Author\"}], \"items\": [{\"id\": \"a\", \"url\": \"posts/a\", \"title\": \"A\","
            + " \"summary\": \"s\", \"content_html\": \"<p>h</p>\", \"content_text\": \"t\","
            + " \"date_published\": \"2024-05-01T10:00:00+02:00\", \"tags\": [\"x\", \"y\"],"
            + " \"language\": \"de\", \"attachments\": [{\"url\": \"/a.mp3\", \"mime_type\":"
            + " \"audio/mpeg\", \"size_in_bytes\": 1234}]}, {\"title\": \"no id\"}]}";

    ParsedFeed feed =
        parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json", URL);

    ParsedEntry a = feed.entries().get(0);
    assertThat(feed.siteUrl()).isEqualTo("https://feeds.example/");
    assertThat(feed.language()).isEqualTo("en");
    assertThat(a.link()).isEqualTo("https://feeds.example/dir/posts/a");
    assertThat(a.contentHtml()).isEqualTo("<p>h</p>");
    assertThat(a.summaryHtml()).isEqualTo("s");
    assertThat(a.authors()).containsExactly("Feed Author");
    assertThat(a.categories()).containsExactly("x", "y");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
    assertThat(a.language()).isEqualTo("de");
    assertThat(a.enclosures())
        .containsExactly(new Enclosure("https://feeds.example/a.mp3", "audio/mpeg", 1234L));
    assertThat(feed.skipped()).extracting(SkippedEntry::title).containsExactly("no id");
  }

  @Test
  void readsMediaRssAndPerItemLanguage() throws Exception {
    String doc =
        "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>M</title>"
            + "<language>en</language><ttl>90</ttl>"
            + "<item xml:lang=\"fr\"><guid>1</guid><title>Bonjour</title>"
            + "<media:content url=\"/v.mp4\" type=\"video/mp4\" fileSize=\"999\"/></item>"
            + "<item><guid>2</guid><title>Hallo</title><dc:language>de</dc:language>"
            + "<media:group><media:content url=\"https://cdn.example/a.jpg\" medium=\"image\"/>"
            + "<media:content url=\"https://cdn.example/b.jpg\" type=\"image/jpeg\"/></media:group>"
            + "</item><item><guid>3</guid><title>Hello</title></item></channel></rss>";

    ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, URL);

    assertThat(feed.entries()).extracting(ParsedEntry::language).containsExactly("fr", "de", null);
    assertThat(feed.language()).isEqualTo("en");
    assertThat(feed.ttl()).isEqualTo(Duration.ofMinutes(90));
    assertThat(feed.entries().get(0).enclosures())
        .containsExactly(new Enclosure("https://feeds.example/v.mp4", "video/mp4", 999L));
    assertThat(feed.entries().get(1).enclosures())
        .containsExactly(
            new Enclosure("https://cdn.example/a.jpg", "image/jpeg", null),
            new Enclosure("https://cdn.example/b.jpg", "image/jpeg", null));
  }

  @Test
  void feedburnerOrigLinkReplacesTheRedirectLink() throws Exception {
    String doc =
        "<rss version=\"2.0\" xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\">"
            + "<channel><title>F</title>"
            + "<item><guid isPermaLink=\"false\">p1</guid><title>One</title>"
            + "<link>http://feedproxy.google.com/~r/Example/~3/AbC/</link>"
            + "<feedburner:origLink>https://news.example/2026/12/one/</feedburner:origLink></item>"
            + "<item><guid isPermaLink=\"false\">p2</guid><title>Two</title>"
            + "<link>http://feedproxy.google.com/~r/Example/~3/DeF/</link>"
            + "<feedburner:origLink>javascript:alert(1)</feedburner:origLink></item>"
            + "</channel></rss>";

    ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, URL);

    assertThat(feed.entries())
        .extracting(ParsedEntry::link)
        .containsExactly(
            "https://news.example/2026/12/one/", "http://feedproxy.google.com/~r/Example/~3/DeF/");
  }

  @Test
  void aMediaThumbnailIsTheEnclosureOfAnItemWithNoOtherMedia() throws Exception {
    String doc =
        "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>G</title>"
            + "<item><guid>1</guid><title>Week in pictures</title><description>Harbour</description>"
            + "<media:thumbnail url=\"/g/1.jpg\" width=\"140\" height=\"90\"/></item>"
            + "<item><guid>2</guid><title>Week in pictures</title><description>Harbour</description>"
            + "<media:content url=\"https://cdn.example/2-full.jpg\" medium=\"image\"/>"
            + "<media:thumbnail url=\"https://cdn.example/2-small.jpg\"/></item>"
            + "</channel></rss>";

    ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, URL);

    assertThat(feed.entries().get(0).enclosures())
        .containsExactly(new Enclosure("https://feeds.example/g/1.jpg", "image/jpeg", null));
    assertThat(feed.entries().get(1).enclosures())
        .extracting(Enclosure::url)
        .containsExactly("https://cdn.example/2-full.jpg");
  }

  @Test
  void readsAtomEntryLanguageXhtmlContentAndXmlBase() throws Exception {
    String doc =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\""
            + " xml:base=\"https://base.example/blog/\"><title>A</title><id>urn:a</id>"
            + "<updated>2024-01-01T00:00:00Z</updated>"
            + "<entry xml:lang=\"es\"><id>urn:a:1</id><title>Hola</title>"
            + "<updated>2024-01-01T00:00:00Z</updated><link href=\"posts/1\"/>"
            + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Un"
            + " <b>texto</b></p></div></content></entry></feed>";

    ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, URL);

    ParsedEntry entry = feed.entries().get(0);
    assertThat(feed.language()).isEqualTo("en");
    assertThat(entry.language()).isEqualTo("es");
    assertThat(entry.contentHtml()).contains("<b>texto</b>");
    assertThat(entry.link()).isEqualTo("https://base.example/blog/posts/1");
  }

  static Stream<Arguments> hostile() {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
            + "<rss version=\"2.0\"><channel><title>&lol2;</title></channel></rss>";
    String quadratic =
        "<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY a \""
            + "a".repeat(50_000)
            + "\">]><rss version=\"2.0\"><channel><title>"
            + "&a;".repeat(5_000)
            + "</title></channel></rss>";
    String fileXxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
    return Stream.of(
        Arguments.of("billion laughs", laughs),
        Arguments.of("quadratic blowup", quadratic),
        Arguments.of("XXE reading a file", fileXxe));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void refusesEntityTricksWithAReason(String name, String document) {
    assertThatThrownBy(() -> parser.parse(document.getBytes(StandardCharsets.UTF_8), null, URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("(DTD) are refused");
  }

  static Stream<Arguments> notFeeds() {
    return Stream.of(
        Arguments.of("{\"hello\": \"world\"}", "application/json", "not a JSON Feed"),
        Arguments.of("{ broken", "application/json", "malformed JSON"),
        Arguments.of("<catalog><x/></catalog>", "application/xml", "not a feed: "),
        Arguments.of("just text, no markup", "text/plain", "no markup"),
        Arguments.of("<!-- hi --><html><body>Hello</body></html>", null, "an HTML page"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("notFeeds")
  void saysClearlyWhatIsNotAFeed(String document, String contentType, String reason) {
    assertThatThrownBy(
            () -> parser.parse(document.getBytes(StandardCharsets.UTF_8), contentType, URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("not a feed: ")
        .hasMessageContaining(reason);
  }
}
