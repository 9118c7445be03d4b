package org.seqlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seqlab.core.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab doctor}: what seqlab runs on. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Prints the JDK, the ND4J backend, BLAS library and threads, and where the datasets are.")
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Runtime rt = Runtime.getRuntime();
    out.printf("seqlab      %s%n", VersionProvider.version());
    out.printf(
        "java        %s (%s, %s)%n",
        System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.home"));
    out.printf(
        "os          %s %s %s, %d cores, max heap %d MiB%n",
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        rt.availableProcessors(),
        rt.maxMemory() >> 20);
    Backend b = Backend.current();
    out.printf("nd4j        %s%n", b.backend());
    out.printf("blas        %s%n", b.blasVendor());
    out.printf("threads     %d%n", b.threads());
    String spin = System.getenv("GOMP_SPINCOUNT");
    String policy = System.getenv("OMP_WAIT_POLICY");
    out.printf("omp wait    %s%n", spin != null || policy != null
        ? (spin != null ? "GOMP_SPINCOUNT=" + spin : "") + (spin != null && policy != null ? " " : "")
            + (policy != null ? "OMP_WAIT_POLICY=" + policy : "")
        : "libgomp default (idle OpenMP threads spin ~300,000 times; ./seqlab sets GOMP_SPINCOUNT=1000, see README)");
    out.printf("dtype       %s%n", b.defaultDataType());
    out.printf("gpu         %s%n", b.cuda() ? "CUDA backend active" : "no (CPU backend; build with -Pcuda for GPU)");
    Path data = DataDir.resolve();
    out.printf(
        "data        %s%s%n",
        data,
        Files.isDirectory(data) ? "" : "  (missing: set SEQLAB_DATA or place ../shared/data beside the repo)");
    out.flush();
    return 0;
  }
}
