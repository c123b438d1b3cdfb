package io.loadlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadlens.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, down to sub-sub-commands, answers {@code --help} and is listed in a sentence. */
class CliHelpTest {

  private static List<CommandLine> everyCommand(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>(List.of(cl));
    cl.getSubcommands().values().stream().distinct().forEach(c -> out.addAll(everyCommand(c)));
    return out;
  }

  private static List<String> pathOf(CommandLine cl) {
    List<String> path = new ArrayList<>();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      path.add(0, c.getCommandName());
    }
    return path;
  }

  @Test
  void everyCommandPrintsItsUsageOnHelpAndExitsZero() {
    List<CommandLine> all = everyCommand(Main.commandLine());
    assertThat(all).hasSizeGreaterThan(20);
    for (CommandLine cl : all) {
      List<String> args = new ArrayList<>(pathOf(cl));
      args.add("--help");
      StringWriter out = new StringWriter();
      CommandLine root = Main.commandLine();
      root.setOut(new PrintWriter(out));
      int code = root.execute(args.toArray(String[]::new));
      String qualified = String.join(" ", pathOf(cl));
      assertThat(code).as(qualified + " --help").isZero();
      assertThat(out.toString())
          .as(qualified + " --help")
          .contains("Usage: loadlens" + (qualified.isEmpty() ? "" : " " + qualified));
    }
  }

  @Test
  void theLineThatListsACommandIsAWholeSentence() {
    for (CommandLine cl : everyCommand(Main.commandLine())) {
      CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
      String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
      assertThat(summary).as(String.join(" ", pathOf(cl)) + " has a summary").isNotEmpty();
      assertThat(summary[0].strip())
          .as("the summary of '%s' as 'loadlens --help' lists it", String.join(" ", pathOf(cl)))
          .endsWith(".");
    }
  }
}
