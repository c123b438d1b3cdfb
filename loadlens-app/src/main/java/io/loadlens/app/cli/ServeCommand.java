package io.loadlens.app.cli;

import io.loadlens.app.Main;
import io.loadlens.app.config.LoadlensConfig;
import io.loadlens.server.ApiServer;
import io.loadlens.server.ServerConfig;
import io.loadlens.server.auth.Role;
import io.loadlens.server.auth.TokenService;
import io.loadlens.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadlens serve}: the HTTPS REST and JSON-RPC API with the dashboard. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTPS API (/api/v1, /rpc) and the dashboard until interrupted.",
      "TLS is on by default with a self-signed certificate generated under <data>/tls on first start."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "HTTPS port (default: server.port of loadlens.yaml, else 8443).")
  Integer port;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (Store store = data.openStore()) {
      serve(data, store, spec.commandLine().getOut(), port);
    }
    return Main.EXIT_OK;
  }

  static void serveUntilInterrupted(DataOptions data, Store store, PrintWriter out)
      throws InterruptedException {
    serve(data, store, out, null);
  }

  static void serve(DataOptions data, Store store, PrintWriter out, Integer portOverride)
      throws InterruptedException {
    ServerConfig cfg = serverConfig(data.config().server(), data.dataDir(), portOverride);
    try (UntilInterrupted running = new UntilInterrupted();
        ApiServer server = ApiServer.start(cfg, store, Clock.systemUTC())) {
      TokenService.IssuedToken admin = server.tokens().create(Role.ADMIN, Set.of());
      out.println("Dashboard and API: " + server.baseUri());
      server
          .tlsFingerprint()
          .ifPresent(f -> out.println("TLS certificate SHA-256 fingerprint: " + f));
      out.println(
          "An admin token for this session (stored only as a hash; create more with 'loadlens token create'):");
      out.println(admin.token());
      out.println("Press Ctrl-C to stop.");
      out.flush();
      running.await();
    }
  }

  static ServerConfig serverConfig(LoadlensConfig.Server s, Path dataDir, Integer portOverride) {
    ServerConfig d = ServerConfig.defaults(dataDir);
    return new ServerConfig(
        portOverride != null ? portOverride : s.port(),
        s.bind(),
        dataDir,
        Optional.ofNullable(s.tlsCert()).map(Path::of),
        Optional.ofNullable(s.tlsKey()).map(Path::of),
        s.plainHttp(),
        s.corsOrigins(),
        d.maxAuthFailures(),
        d.banSeconds());
  }
}
