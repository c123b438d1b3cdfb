package io.loadlens.app.cli;

import picocli.CommandLine;

/** Registers every subcommand, in the order {@code --help} lists them. */
public final class Commands {
  private Commands() {}

  public static void register(CommandLine cl) {
    cl.addSubcommand(new DemoCommand());
    cl.addSubcommand(new SimulateCommand());
    cl.addSubcommand(new ReadCommand());
    cl.addSubcommand(new IngestProfileCommand());
    cl.addSubcommand(new CollectCommand());
    cl.addSubcommand(new GatewayCommand());
    cl.addSubcommand(new IngestCommand());
    cl.addSubcommand(new ListenCommand());
    cl.addSubcommand(new ReadoutCommand());
    cl.addSubcommand(new ImportCommand());
    cl.addSubcommand(new ExportCommand());
    cl.addSubcommand(new VeeCommand());
    cl.addSubcommand(new EditCommand());
    cl.addSubcommand(new InsightsCommand());
    cl.addSubcommand(new ReportCommand());
    cl.addSubcommand(new ServeCommand());
    cl.addSubcommand(new TokenCommand());
    cl.addSubcommand(new io.loadlens.app.cli.decode.DecodeCommand());
    cl.addSubcommand(new BenchCommand());
  }
}
