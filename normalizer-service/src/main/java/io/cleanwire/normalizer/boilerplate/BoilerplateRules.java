package io.cleanwire.normalizer.boilerplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configured boilerplate rules: named regular expressions, each matching a whole line of entry
 * text that is not part of the story (aggregator wrappers, video-player captions).
 *
 * <p>Rules are data, read from {@code cleanwire/boilerplate-rules.txt} on the classpath or from the
 * file named by {@code cleanwire.normalizer.boilerplate.rules-file}; the format is described at the
 * top of the bundled file.
 */
public final class BoilerplateRules {

  /** The classpath resource with the default rules. */
  public static final String BUNDLED = "cleanwire/boilerplate-rules.txt";

  /** One rule; {@code next} (may be null) matches a line removed with the line before it. */
  public record Rule(String name, Pattern line, Pattern next) {}

  private final List<Rule> rules;

  private BoilerplateRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The bundled rules. */
  public static BoilerplateRules bundled() {
    InputStream in = BoilerplateRules.class.getClassLoader().getResourceAsStream(BUNDLED);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + BUNDLED);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader, BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rules read from a file (replacing the bundled ones). */
  public static BoilerplateRules fromFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read boilerplate rules file=" + file, e);
    }
  }

  /** Parses the rule format; a bad line fails with its source and line number. */
  public static BoilerplateRules parse(Reader source, String origin) throws IOException {
    List<Rule> rules = new ArrayList<>();
    BufferedReader reader = new BufferedReader(source);
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int colon = text.indexOf(": ");
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "boilerplate rule without 'name: expression' at " + origin + ":" + number);
      }
      String name = text.substring(0, colon).strip();
      String expression = text.substring(colon + 2).strip();
      Pattern next = null;
      if (name.endsWith("+next")) {
        name = name.substring(0, name.length() - "+next".length());
        int bar = expression.lastIndexOf("||");
        if (bar < 0) {
          throw new IllegalArgumentException(
              "rule " + name + " at " + origin + ":" + number + " needs 'line||next'");
        }
        next = compile(expression.substring(bar + 2), origin, number);
        expression = expression.substring(0, bar);
      }
      rules.add(new Rule(name, compile(expression, origin, number), next));
    }
    return new BoilerplateRules(rules);
  }

  private static Pattern compile(String expression, String origin, int number) {
    try {
      return Pattern.compile(
          expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "bad boilerplate expression at " + origin + ":" + number + ": " + e.getDescription(), e);
    }
  }

  public List<Rule> rules() {
    return rules;
  }
}
