package org.seqlab.core;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J is running on, for {@code seqlab doctor} and run logs. This is the one place where
 * seqlab reads ND4J's global environment; nothing in seqlab writes it.
 *
 * @param backend the ND4J backend class, e.g. {@code org.nd4j.linalg.cpu.nativecpu.CpuBackend}
 * @param blasVendor the BLAS library ND4J reports (OPENBLAS, MKL, CUBLAS, ...)
 * @param threads ND4J's maximum native (OpenMP) threads
 * @param defaultDataType ND4J's default floating-point type (seqlab passes types explicitly)
 * @param cuda whether a CUDA backend is active
 */
public record Backend(String backend, String blasVendor, int threads, String defaultDataType, boolean cuda) {

  /** Describes the running backend (loads ND4J's native libraries on first use, ~1-2 s). */
  public static Backend current() {
    String backend = Nd4j.getBackend().getClass().getName();
    String vendor;
    try {
      vendor = String.valueOf(Nd4j.factory().blas().getBlasVendor());
    } catch (RuntimeException e) {
      vendor = "unknown (" + e.getMessage() + ")";
    }
    return new Backend(
        backend,
        vendor,
        Nd4j.getEnvironment().maxThreads(),
        String.valueOf(Nd4j.dataType()),
        backend.toLowerCase(Locale.ROOT).contains("cuda") || !Nd4j.getEnvironment().isCPU());
  }

  /** One line, e.g. {@code backend=...CpuBackend blas=OPENBLAS threads=2 dtype=FLOAT cuda=false}. */
  public String describe() {
    return "backend=" + backend + " blas=" + blasVendor + " threads=" + threads + " dtype=" + defaultDataType
        + " cuda=" + cuda;
  }
}
