package io.cleanwire.normalizer.text;

import io.cleanwire.events.Repair;
import java.util.ArrayList;
import java.util.List;

/** Collects the repairs made to one field, so that a cleaning step never changes text silently. */
public final class RepairLog {

  private final String field;
  private final List<Repair> repairs = new ArrayList<>();

  public RepairLog(String field) {
    this.field = field;
  }

  /** Records that a step of the given kind changed the field. */
  public void record(String kind, String detail) {
    repairs.add(new Repair(field, kind, detail));
  }

  public String field() {
    return field;
  }

  public List<Repair> repairs() {
    return List.copyOf(repairs);
  }
}
