package io.loadlens.app.pipeline;

/** Observes a long-running stage, one step per meter; the CLI shows it as a progress bar. */
public interface Progress {
  Progress NONE = new Progress() {};

  /** The stage starts with this many steps. */
  default void start(String stage, long steps) {}

  /** One step done. */
  default void step() {}

  /** The stage is over. */
  default void done() {}
}
