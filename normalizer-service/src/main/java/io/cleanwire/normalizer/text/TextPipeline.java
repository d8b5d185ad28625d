package io.cleanwire.normalizer.text;

import io.cleanwire.events.Repair;
import io.cleanwire.normalizer.repair.TextRepair;
import java.util.List;

/**
 * An ordered list of {@link TextStep}s for one kind of field, with the repairs each step made.
 *
 * <p>Order matters: markup first (it decides what is text at all), then the repair of broken
 * characters (escapes, nested references, mojibake), then character removal, then NFC (removal can
 * bring combining marks together), then whitespace last.
 */
public final class TextPipeline {

  private final List<TextStep> steps;

  public TextPipeline(List<TextStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Titles: one line of plain text, no invisible controls. */
  public static TextPipeline title() {
    return new TextPipeline(
        List.of(
            Markup.toSingleLine(),
            new TextRepair(),
            SimpleSteps.illegalCharacters(),
            SimpleSteps.invisibleControls(),
            SimpleSteps.unicodeNfc(),
            Whitespace.singleLine()));
  }

  /** Summaries: plain text, paragraphs kept as line breaks. */
  public static TextPipeline summary() {
    return new TextPipeline(
        List.of(
            Markup.toParagraphs(),
            new TextRepair(),
            SimpleSteps.illegalCharacters(),
            SimpleSteps.unicodeNfc(),
            Whitespace.paragraphs()));
  }

  /** Author names and category labels: references decoded, one line. */
  public static TextPipeline label() {
    return new TextPipeline(
        List.of(
            Markup.entitiesOnly(),
            new TextRepair(),
            SimpleSteps.illegalCharacters(),
            SimpleSteps.unicodeNfc(),
            Whitespace.singleLine()));
  }

  /** Cleans one value of {@code field}; a null value stays null with no repair. */
  public Cleaned clean(String field, String text) {
    RepairLog log = new RepairLog(field);
    if (text == null) {
      return new Cleaned(null, List.of());
    }
    String current = text;
    for (TextStep step : steps) {
      current = step.apply(current, log);
    }
    return new Cleaned(current, log.repairs());
  }

  /** A cleaned value and the repairs that produced it. */
  public record Cleaned(String text, List<Repair> repairs) {}
}
