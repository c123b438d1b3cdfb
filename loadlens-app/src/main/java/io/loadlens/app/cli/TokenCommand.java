package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.ConfigException;
import io.loadlens.model.MeterId;
import io.loadlens.server.auth.Role;
import io.loadlens.server.auth.TokenService;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens token}: API tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens (stored as hashes in <data>/tokens.json).",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code token create --role ROLE [--meter ID]...}: prints the token alone on its last line. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token; the token is printed once, alone on the last line.")
  static final class Create implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, operator, analyst or consumer.")
    String role;

    @Option(
        names = "--meter",
        paramLabel = "ID",
        description = "For consumer tokens: the meter(s) the token may see (repeatable).")
    List<String> meters = List.of();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--role: " + e.getMessage(), e);
      }
      Set<MeterId> ids = new LinkedHashSet<>();
      for (String m : meters) {
        try {
          ids.add(MeterId.of(m));
        } catch (IllegalArgumentException e) {
          throw new ConfigException("--meter: " + e.getMessage(), e);
        }
      }
      if (r == Role.CONSUMER && ids.isEmpty()) {
        throw new ConfigException("a consumer token needs at least one --meter");
      }
      TokenService.IssuedToken t =
          new TokenService(data.dataDir(), Clock.systemUTC()).create(r, ids);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Created "
              + r.label()
              + " token "
              + t.id()
              + (ids.isEmpty() ? "" : " for " + ids)
              + ". It is shown only now:");
      out.println(t.token());
      out.flush();
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List tokens (ids, roles, meters; never the secrets).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin DataOptions data;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (TokenService.StoredToken t :
          new TokenService(data.dataDir(), Clock.systemUTC()).list()) {
        out.println(t);
      }
      out.flush();
      return Main.EXIT_OK;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token by its id.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DataOptions data;

    @picocli.CommandLine.Parameters(paramLabel = "ID")
    String id;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      boolean done = new TokenService(data.dataDir(), Clock.systemUTC()).revoke(id);
      spec.commandLine().getOut().println(done ? "Revoked " + id : "No token " + id);
      return done ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
  }
}
