package io.loadlens.app;

import io.loadlens.app.cli.Commands;
import io.loadlens.app.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code loadlens} command line. Exit codes: 0 success, 1 runtime failure, 2 usage or
 * configuration error.
 */
@Command(
    name = "loadlens",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Smart-meter load profiles to consumer insights.",
    subcommandsRepeatable = false,
    usageHelpAutoWidth = true)
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  static {
    // Libraries on the class path (the embedded MQTT broker) ship a logback.xml of their own;
    // loadlens's configuration is named so that it is the one used.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "loadlens-logback.xml");
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (used by tests). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    Commands.register(cl);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("loadlens: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_USAGE;
        });
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
      err.println("loadlens: " + ex.getMessage());
      return EXIT_USAGE;
    }
    err.println("loadlens: " + cl.getCommandName() + " failed: " + describe(ex));
    if (System.getenv("LOADLENS_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("(set LOADLENS_DEBUG=1 for the stack trace)");
    }
    return EXIT_FAILURE;
  }

  static String describe(Throwable ex) {
    StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
    Throwable c = ex.getCause();
    int depth = 0;
    while (c != null && depth++ < 3) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(": ").append(c.getMessage());
      }
      c = c.getCause();
    }
    return sb.toString();
  }

  /** Prints the version from the jar manifest. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "loadlens " + (v == null ? "0.1.0-SNAPSHOT" : v),
        "JVM: ${java.version} (${java.vendor} ${java.vm.name})"
      };
    }
  }
}
