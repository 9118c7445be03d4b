package org.seqlab.cli.serve;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab serve --models DIR}: the JSON HTTP API until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the models in a directory over a JSON HTTP API (POST /translate, /caption, /embeddings/nearest, "
        + "/embeddings/analogy, /bleu; GET /health, /models), bound to 127.0.0.1 unless --host says otherwise. "
        + "Every model's version and checksum is verified at start-up.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--models", required = true, paramLabel = "DIR", description = "directory of models to serve")
  Path models;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE}, loopback only)")
  String host;

  @Option(names = "--threads", description = "worker threads (default: max(4, 2 x processors))")
  Integer threads;

  @Option(names = "--max-body-kib", defaultValue = "1024", description = "body limit of JSON requests in KiB (default: ${DEFAULT-VALUE})")
  int maxBodyKiB;

  @Option(names = "--max-image-kib", defaultValue = "8192", description = "body limit of POST /caption in KiB (default: ${DEFAULT-VALUE})")
  int maxImageKiB;

  @Option(names = "--timeout", defaultValue = "30", description = "seconds a client may take to send a request or read the answer (default: ${DEFAULT-VALUE})")
  int timeout;

  @Option(names = "--native-threads", defaultValue = "1",
      description = "ND4J and BLAS threads per request (default: ${DEFAULT-VALUE}: requests already run in parallel on the workers, "
          + "and multi-threaded kernels on a decoder's small matrices cost more than they gain; 0 keeps ND4J's setting)")
  int nativeThreads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SeqlabServer.Config d = SeqlabServer.Config.defaults();
    SeqlabServer.Config config = new SeqlabServer.Config(host, port, threads == null ? d.threads() : threads,
        maxBodyKiB * 1024L, maxImageKiB * 1024L, timeout);
    if (nativeThreads < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--native-threads must be >= 0, got " + nativeThreads);
    }
    if (nativeThreads > 0) {
      org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(nativeThreads);
      org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(nativeThreads);
      org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(nativeThreads);
    }
    ModelRegistry registry = ModelRegistry.load(models, ModelRegistry.defaultLoaders());
    for (ServedModel m : registry.all()) {
      out.printf(Locale.ROOT, "model       %-12s %-20s v%d  %s  %s%n", m.kind().label(), m.name(), m.version(), m.checksum(), m.signature());
    }
    if (!registry.skipped().isEmpty()) {
      out.printf(Locale.ROOT, "skipped     %s (not a model this server knows)%n", registry.skipped());
    }
    if (registry.size() == 0) {
      out.printf(Locale.ROOT, "warning     no models in %s: only /health, /models and /bleu will answer%n", models);
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (SeqlabServer server = SeqlabServer.start(config, registry)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "seqlab-serve-stop"));
      out.printf(Locale.ROOT, "listening   http://%s:%d/ with %d workers (Ctrl-C stops)%n", host, server.port(), config.threads());
      out.flush();
      stop.await();
    }
    return 0;
  }
}
