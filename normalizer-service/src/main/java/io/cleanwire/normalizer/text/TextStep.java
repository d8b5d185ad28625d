package io.cleanwire.normalizer.text;

/**
 * One cleaning step of a text pipeline; returns its input unchanged (and records nothing) when the
 * text needs no change.
 *
 * <p>Later steps (mojibake repair, boilerplate stripping) implement this interface and are added to
 * the pipelines in {@link TextPipeline}.
 */
public interface TextStep {

  /** Cleans {@code text} (never null) and records every change it made in {@code log}. */
  String apply(String text, RepairLog log);
}
