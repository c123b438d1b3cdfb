package io.loadlens.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.loadlens.server.api.AdminOperations;
import io.loadlens.server.api.ApiException;
import io.loadlens.server.api.ApiService;
import io.loadlens.server.api.CollectorOperations;
import io.loadlens.server.api.ExportOperations;
import io.loadlens.server.api.FleetOperations;
import io.loadlens.server.api.MeterOperations;
import io.loadlens.server.api.Operation;
import io.loadlens.server.api.ReadingsCache;
import io.loadlens.server.auth.AuditLog;
import io.loadlens.server.auth.AuthThrottle;
import io.loadlens.server.auth.Principal;
import io.loadlens.server.auth.Role;
import io.loadlens.server.auth.TokenService;
import io.loadlens.server.http.AuthFilter;
import io.loadlens.server.http.Http;
import io.loadlens.server.http.JsonRpcEndpoint;
import io.loadlens.server.http.RestRoutes;
import io.loadlens.server.tls.TlsMaterial;
import io.loadlens.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loadlens HTTPS server: REST under {@code /api/v1}, JSON-RPC 2.0 on {@code /rpc}, the
 * dashboard on {@code /}, health on {@code /health} and {@code /ready}, Prometheus metrics on
 * {@code /metrics}. Start with {@link #start(ServerConfig, Store, Clock)}; stop with {@link
 * #close()}.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** Content-Security-Policy of every response: scripts and data only from this origin. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Javalin app;
  private final TokenService tokens;
  private final AuditLog audit;
  private final boolean tls;
  private final Optional<String> fingerprint;
  private final PrometheusMeterRegistry metrics;
  private final ReadingsCache readingsCache;

  private ApiServer(
      Javalin app,
      TokenService tokens,
      AuditLog audit,
      boolean tls,
      Optional<String> fingerprint,
      PrometheusMeterRegistry metrics,
      ReadingsCache readingsCache) {
    this.app = app;
    this.readingsCache = readingsCache;
    this.tokens = tokens;
    this.audit = audit;
    this.tls = tls;
    this.fingerprint = fingerprint;
    this.metrics = metrics;
  }

  public static ApiServer start(ServerConfig config, Store store) {
    return start(config, store, Clock.systemUTC());
  }

  /** Starts the server; returns once it listens. */
  public static ApiServer start(ServerConfig config, Store store, Clock clock) {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    TokenService tokens = new TokenService(config.dataDir(), clock);
    AuditLog audit = new AuditLog(config.dataDir(), clock);
    AuthThrottle throttle =
        new AuthThrottle(config.maxAuthFailures(), Duration.ofSeconds(config.banSeconds()), clock);
    MeterOperations meterOps = new MeterOperations(store, json, clock);
    List<Operation> ops = new ArrayList<>(meterOps.operations());
    ops.addAll(new FleetOperations(store, clock, meterOps).operations());
    ops.addAll(new CollectorOperations(store, clock).operations());
    ops.addAll(new ExportOperations(store).operations());
    ops.addAll(new AdminOperations(tokens).operations());
    ApiService api = new ApiService(audit, ops);
    Http http = new Http(json);
    AuthFilter auth = new AuthFilter(tokens, throttle, audit, clock);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    ReadingsCache cache = meterOps.readingsCache();
    FunctionCounter.builder("loadlens.readings.cache.hits", cache, c -> c.stats().hits())
        .register(registry);
    FunctionCounter.builder("loadlens.readings.cache.misses", cache, c -> c.stats().misses())
        .register(registry);
    Gauge.builder("loadlens.readings.cache.bytes", cache, c -> c.stats().bytes())
        .register(registry);
    Optional<TlsMaterial> material =
        config.plainHttp() ? Optional.empty() : Optional.of(tls(config, clock));

    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.useVirtualThreads = true;
              cfg.jsonMapper(new JavalinJackson(json, true));
              cfg.http.maxRequestSize = RestRoutes.MAX_BODY_BYTES;
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/io/loadlens/server/dashboard";
                    sf.location = Location.CLASSPATH;
                    sf.headers =
                        Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff");
                  });
              cfg.staticFiles.enableWebjars();
              if (!config.corsOrigins().isEmpty()) {
                cfg.bundledPlugins.enableCors(
                    cors ->
                        cors.addRule(
                            rule -> {
                              config.corsOrigins().forEach(rule::allowHost);
                              rule.exposeHeader("ETag");
                            }));
              }
              if (material.isPresent()) {
                cfg.jetty.addConnector(
                    (server, httpConfig) ->
                        tlsConnector(server, httpConfig, config, material.get(), registry));
              } else {
                cfg.jetty.defaultHost = config.bindAddress();
                cfg.jetty.defaultPort = config.port();
              }
            });
    routes(app, store, api, http, auth, json, registry, material.isPresent());
    app.start();
    ApiServer s =
        new ApiServer(
            app,
            tokens,
            audit,
            material.isPresent(),
            material.map(TlsMaterial::fingerprint),
            registry,
            meterOps.readingsCache());
    LOG.info("loadlens API listening on {}", s.baseUri());
    return s;
  }

  private static TlsMaterial tls(ServerConfig config, Clock clock) {
    if (config.tlsCertPem().isPresent()) {
      return TlsMaterial.fromPem(config.tlsCertPem().get(), config.tlsKeyPem().orElseThrow());
    }
    List<String> hosts =
        config.bindAddress().equals("0.0.0.0") || config.bindAddress().equals("::")
            ? List.of()
            : List.of(config.bindAddress());
    TlsMaterial.Loaded l = TlsMaterial.selfSigned(config.dataDir(), hosts, clock);
    if (l.generated()) {
      System.out.println(
          "loadlens: generated a self-signed TLS certificate "
              + l.certFile()
              + " (SHA-256 fingerprint "
              + l.material().fingerprint()
              + ")");
    }
    return l.material();
  }

  private static ServerConnector tlsConnector(
      org.eclipse.jetty.server.Server server,
      HttpConfiguration httpConfig,
      ServerConfig config,
      TlsMaterial m,
      PrometheusMeterRegistry registry) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(m.keyStore());
    ssl.setKeyStorePassword(new String(m.password()));
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    ssl.setSniRequired(false);
    HttpConfiguration https = new HttpConfiguration(httpConfig);
    SecureRequestCustomizer src = new SecureRequestCustomizer();
    src.setSniHostCheck(false);
    https.addCustomizer(src);
    ServerConnector c =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    c.setHost(config.bindAddress());
    c.setPort(config.port());
    c.addBean(handshakeCounter(registry));
    return c;
  }

  /**
   * Counts TLS handshakes by outcome ({@code loadlens_tls_handshakes_total}): each costs the server
   * an ECDHE and a signature, so a count that grows with the requests shows clients that do not
   * keep their connections alive.
   */
  private static SslHandshakeListener handshakeCounter(PrometheusMeterRegistry registry) {
    Counter ok = Counter.builder("loadlens.tls.handshakes").tag("outcome", "ok").register(registry);
    Counter failed =
        Counter.builder("loadlens.tls.handshakes").tag("outcome", "failed").register(registry);
    return new SslHandshakeListener() {
      @Override
      public void handshakeSucceeded(Event event) {
        ok.increment();
      }

      @Override
      public void handshakeFailed(Event event, Throwable failure) {
        failed.increment();
      }
    };
  }

  private static void routes(
      Javalin app,
      Store store,
      ApiService api,
      Http http,
      AuthFilter auth,
      ObjectMapper json,
      PrometheusMeterRegistry registry,
      boolean tls) {
    byte[] openapi = resource("/io/loadlens/server/openapi.json");
    app.before(
        ctx -> {
          ctx.attribute("loadlens.start", System.nanoTime());
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Content-Security-Policy", CSP);
          ctx.header("Referrer-Policy", "no-referrer");
          if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
          }
          if (protectedPath(ctx.path())) {
            ctx.header("Cache-Control", "private, no-cache");
            auth.authenticate(ctx);
          }
        });
    app.after(
        ctx -> {
          Long start = ctx.attribute("loadlens.start");
          if (start != null && protectedPath(ctx.path())) {
            Timer.builder("loadlens.http.requests")
                .tag("method", ctx.method().name())
                .tag("route", ctx.endpointHandlerPath())
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
          }
        });
    app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
    app.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/ready", ctx -> ready(ctx, store));
    app.get(
        "/metrics",
        ctx -> {
          Principal who = ctx.attribute(AuthFilter.PRINCIPAL);
          if (!who.role().atLeast(Role.OPERATOR)) {
            throw ApiException.forbidden("metrics need role operator or higher");
          }
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    new RestRoutes(api, http).register(app);
    JsonRpcEndpoint rpc = new JsonRpcEndpoint(api, json);
    app.post("/rpc", rpc::handle);
    app.exception(ApiException.class, (e, ctx) -> http.problem(ctx, e));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          http.problem(ctx, 500, "internal", "Internal error", "the server failed; see its log");
        });
    app.error(
        404,
        ctx -> {
          if (ctx.path().startsWith("/api/")) {
            http.problem(ctx, 404, "not-found", "Not found", "no resource at " + ctx.path());
          }
        });
    app.error(
        405,
        ctx ->
            http.problem(
                ctx,
                405,
                "method-not-allowed",
                "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path()));
  }

  private static boolean protectedPath(String path) {
    return (path.startsWith("/api/") && !path.equals("/api/v1/openapi.json"))
        || path.equals("/rpc")
        || path.equals("/metrics");
  }

  private static void ready(Context ctx, Store store) {
    try {
      store.meters();
      ctx.json(Map.of("status", "READY"));
    } catch (RuntimeException e) {
      LOG.warn("readiness check failed", e);
      ctx.status(503).json(Map.of("status", "NOT_READY", "reason", "store unavailable"));
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** {@code https://127.0.0.1:<port>} (or http when plain HTTP is on). */
  public URI baseUri() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
  }

  /** The SHA-256 fingerprint of the served certificate; empty on plain HTTP. */
  public Optional<String> tlsFingerprint() {
    return fingerprint;
  }

  /** Hits, misses and size of the cache of encoded readings answers. */
  public ReadingsCache.Stats readingsCacheStats() {
    return readingsCache.stats();
  }

  public TokenService tokens() {
    return tokens;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() {
    app.stop();
    audit.close();
  }
}
