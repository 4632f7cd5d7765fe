package se.breachflow.shared;

import java.util.ArrayList;
import java.util.List;

/** Lists as the engine's configuration hands them out: possibly null, never to be changed in place. */
public final class Lists {

  private Lists() {}

  /** A new list of the elements of {@code list} (none if it is null) and then {@code added}. */
  public static <T> List<T> with(List<? extends T> list, T added) {
    List<T> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
    all.add(added);
    return all;
  }
}
