package io.loadlens.app.cli;

import picocli.CommandLine;

/** Registers every subcommand, in the order {@code --help} lists them. */
public final class Commands {
  private Commands() {}

  public static void register(CommandLine cl) {
    cl.addSubcommand(new VeeCommand());
    cl.addSubcommand(new io.loadlens.app.cli.decode.DecodeCommand());
  }
}
