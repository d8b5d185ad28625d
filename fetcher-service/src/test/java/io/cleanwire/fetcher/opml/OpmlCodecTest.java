package io.cleanwire.fetcher.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlCodecTest {

  private final OpmlCodec codec = new OpmlCodec();

  @Test
  void flattensNestedOutlines() throws Exception {
    String opml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Mine</title></head>
          <body>
            <outline text="News">
              <outline text="World" type="rss" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
              <outline text="Deeper">
                <outline title="Tech" text="ignored" type="rss" xmlUrl="https://b.example/atom"/>
              </outline>
            </outline>
            <outline text="Top level" type="rss" xmlUrl="ftp://c.example/feed"/>
            <outline text="Folder without feeds"/>
          </body>
        </opml>
        """;

    assertThat(codec.read(opml.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            new OpmlOutline("https://a.example/rss", "World", "https://a.example/"),
            new OpmlOutline("https://b.example/atom", "Tech", null),
            new OpmlOutline("ftp://c.example/feed", "Top level", null));
  }

  @Test
  void writesWhatItReadsBack() throws Exception {
    List<OpmlOutline> outlines =
        List.of(
            new OpmlOutline("https://a.example/rss?x=1&y=2", "A & <B>", "https://a.example/"),
            new OpmlOutline("https://b.example/atom", null, null));

    String written = codec.write("Cleanwire", outlines);

    assertThat(codec.read(written.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            outlines.get(0),
            new OpmlOutline("https://b.example/atom", "https://b.example/atom", null));
  }

  @Test
  void refusesDtdsInOpml() {
    String opml =
        "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<opml version=\"2.0\"><head><title>&x;</title></head><body/></opml>";

    assertThatThrownBy(() -> codec.read(opml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OpmlException.class)
        .hasMessageContaining("(DTD) are refused");
  }

  @Test
  void refusesADocumentThatIsNotOpml() {
    assertThatThrownBy(() -> codec.read("<rss version=\"2.0\"><channel/></rss>".getBytes()))
        .isInstanceOf(OpmlException.class)
        .hasMessageStartingWith("not an OPML document");
    assertThatThrownBy(() -> codec.read("not xml".getBytes()))
        .isInstanceOf(OpmlException.class)
        .hasMessageStartingWith("not an OPML document");
  }
}
