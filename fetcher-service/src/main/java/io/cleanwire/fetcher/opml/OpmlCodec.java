package io.cleanwire.fetcher.opml;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedOutput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads subscriptions from OPML (nested outlines flattened) and writes them back as OPML 2.0, with
 * Rome's OPML module so that XML is parsed without DTDs and written well-formed.
 */
public final class OpmlCodec {

  /** Every outline that carries an {@code xmlUrl}, however deeply nested, in document order. */
  public List<OpmlOutline> read(byte[] document) throws OpmlException {
    WireFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document), true)) {
      WireFeedInput input = new WireFeedInput(false, Locale.ROOT);
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new OpmlException("not an OPML document: " + firstLine(e), e);
    }
    if (!(feed instanceof Opml opml)) {
      throw new OpmlException("not an OPML document: found " + feed.getFeedType(), null);
    }
    List<OpmlOutline> result = new ArrayList<>();
    collect(opml.getOutlines(), result);
    return result;
  }

  /** An OPML 2.0 document listing the given subscriptions. */
  public String write(String title, List<OpmlOutline> outlines) {
    Opml opml = new Opml();
    opml.setFeedType("opml_2.0");
    opml.setTitle(title);
    opml.setCreated(new Date());
    List<Outline> list = new ArrayList<>();
    for (OpmlOutline o : outlines) {
      Outline outline = new Outline();
      String text = o.title() == null ? o.xmlUrl() : o.title();
      outline.setType("rss");
      outline.setText(text);
      outline.setTitle(text);
      List<Attribute> attributes = new ArrayList<>();
      attributes.add(new Attribute("xmlUrl", o.xmlUrl()));
      if (o.htmlUrl() != null) {
        attributes.add(new Attribute("htmlUrl", o.htmlUrl()));
      }
      outline.setAttributes(attributes);
      list.add(outline);
    }
    opml.setOutlines(list);
    try {
      return new WireFeedOutput().outputString(opml, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
    }
  }

  private static void collect(List<Outline> outlines, List<OpmlOutline> into) {
    if (outlines == null) {
      return;
    }
    for (Outline outline : outlines) {
      String xmlUrl = outline.getXmlUrl();
      if (xmlUrl != null && !xmlUrl.isBlank()) {
        String title = outline.getTitle() != null ? outline.getTitle() : outline.getText();
        into.add(
            new OpmlOutline(xmlUrl.strip(), blankToNull(title), blankToNull(outline.getHtmlUrl())));
      }
      collect(outline.getChildren(), into);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("DOCTYPE is disallowed")) {
      return "document type declarations (DTD) are refused";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
