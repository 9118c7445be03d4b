package org.seqlab.sequence;

/** {@link JavaKernels} in plain scalar Java (the reference the vector kernel is tested against). */
final class ScalarKernels implements JavaKernels {
  static final ScalarKernels INSTANCE = new ScalarKernels();

  private ScalarKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** tanh from one exp, accurate to a few ulps of 1 (Math.tanh is not a JIT intrinsic). */
  static double tanh(double x) {
    double e = Math.exp(-2 * Math.abs(x));
    double t = (1 - e) / (1 + e);
    return x < 0 ? -t : t;
  }

  @Override
  public void lstmForward(double[] z, int zr, double[] r, int rr, double[] c, int prev, int next, double[] h, double[] tc,
      int tr, double[] p, int hid) {
    lstmForwardFrom(z, zr, r, rr, c, prev, next, h, tc, tr, p, hid, 0);
  }

  /** The same for {@code j >= from} only (the tail after a vector loop). */
  static void lstmForwardFrom(double[] z, int zr, double[] r, int rr, double[] c, int prev, int next, double[] h, double[] tc,
      int tr, double[] p, int hid, int from) {
    for (int j = from; j < hid; j++) {
      double cp = c[prev + j];
      double pi = p == null ? 0 : p[hid + j] * cp;
      double pf = p == null ? 0 : p[2 * hid + j] * cp;
      double i = sigmoid(z[zr + hid + j] + r[rr + hid + j] + pi);
      double f = sigmoid(z[zr + 2 * hid + j] + r[rr + 2 * hid + j] + pf);
      double g = tanh(z[zr + 3 * hid + j] + r[rr + 3 * hid + j]);
      double cn = f * cp + i * g;
      double po = p == null ? 0 : p[j] * cn;
      double o = sigmoid(z[zr + j] + r[rr + j] + po);
      double tcv = tanh(cn);
      z[zr + j] = o;
      z[zr + hid + j] = i;
      z[zr + 2 * hid + j] = f;
      z[zr + 3 * hid + j] = g;
      tc[tr + j] = tcv;
      c[next + j] = cn;
      h[next + j] = o * tcv;
    }
  }

  @Override
  public void lstmBackward(double[] z, int zr, double[] tc, int tr, double[] c, int prev, int next, double[] dh, double[] dc,
      int k, double[] dy, int yr, double[] dz, double[] p, double[] dp, int hid) {
    lstmBackwardFrom(z, zr, tc, tr, c, prev, next, dh, dc, k, dy, yr, dz, p, dp, hid, 0);
  }

  /** The same for {@code j >= from} only (the tail after a vector loop). */
  static void lstmBackwardFrom(double[] z, int zr, double[] tc, int tr, double[] c, int prev, int next, double[] dh, double[] dc,
      int k, double[] dy, int yr, double[] dz, double[] p, double[] dp, int hid, int from) {
    for (int j = from; j < hid; j++) {
      double o = z[zr + j];
      double i = z[zr + hid + j];
      double f = z[zr + 2 * hid + j];
      double g = z[zr + 3 * hid + j];
      double tcv = tc[tr + j];
      double cp = c[prev + j];
      double dhn = dh[k + j] + dy[yr + j];
      double dzo = dhn * tcv * o * (1 - o);
      double dcn = dhn * o * (1 - tcv * tcv) + dc[k + j] + (p == null ? 0 : p[j] * dzo);
      double dzi = dcn * g * i * (1 - i);
      double dzf = dcn * cp * f * (1 - f);
      dz[zr + j] = dzo;
      dz[zr + hid + j] = dzi;
      dz[zr + 2 * hid + j] = dzf;
      dz[zr + 3 * hid + j] = dcn * i * (1 - g * g);
      dc[k + j] = dcn * f + (p == null ? 0 : p[hid + j] * dzi + p[2 * hid + j] * dzf);
      if (dp != null) {
        dp[j] += dzo * c[next + j];
        dp[hid + j] += dzi * cp;
        dp[2 * hid + j] += dzf * cp;
      }
    }
  }

  @Override
  public void gruForward(double[] z, int zr, double[] r, int rr, double[] bhh, double[] un, int nr, double[] h, int prev,
      int next, int hid) {
    gruForwardFrom(z, zr, r, rr, bhh, un, nr, h, prev, next, hid, 0);
  }

  /** The same for {@code j >= from} only (the tail after a vector loop). */
  static void gruForwardFrom(double[] z, int zr, double[] r, int rr, double[] bhh, double[] un, int nr, double[] h, int prev,
      int next, int hid, int from) {
    for (int j = from; j < hid; j++) {
      double rg = sigmoid(z[zr + j] + r[rr + j] + bhh[j]);
      double zg = sigmoid(z[zr + hid + j] + r[rr + hid + j] + bhh[hid + j]);
      double u2 = r[rr + 2 * hid + j] + bhh[2 * hid + j];
      double n = tanh(z[zr + 2 * hid + j] + rg * u2);
      z[zr + j] = rg;
      z[zr + hid + j] = zg;
      z[zr + 2 * hid + j] = n;
      un[nr + j] = u2;
      h[next + j] = (1 - zg) * n + zg * h[prev + j];
    }
  }

  @Override
  public void gruBackward(double[] z, int zr, double[] un, int nr, double[] h, int prev, double[] dh, int k, double[] dy,
      int yr, double[] dx, double[] dRec, double[] dbhh, double[] direct, int hid) {
    gruBackwardFrom(z, zr, un, nr, h, prev, dh, k, dy, yr, dx, dRec, dbhh, direct, hid, 0);
  }

  /** The same for {@code j >= from} only (the tail after a vector loop). */
  static void gruBackwardFrom(double[] z, int zr, double[] un, int nr, double[] h, int prev, double[] dh, int k, double[] dy,
      int yr, double[] dx, double[] dRec, double[] dbhh, double[] direct, int hid, int from) {
    for (int j = from; j < hid; j++) {
      double rg = z[zr + j];
      double zg = z[zr + hid + j];
      double n = z[zr + 2 * hid + j];
      double dhn = dh[k + j] + dy[yr + j];
      double dn = dhn * (1 - zg) * (1 - n * n);
      double dzz = dhn * (h[prev + j] - n) * zg * (1 - zg);
      double dr = dn * un[nr + j] * rg * (1 - rg);
      dx[zr + j] = dr;
      dx[zr + hid + j] = dzz;
      dx[zr + 2 * hid + j] = dn;
      dRec[zr + j] = dr;
      dRec[zr + hid + j] = dzz;
      dRec[zr + 2 * hid + j] = dn * rg;
      dbhh[j] += dr;
      dbhh[hid + j] += dzz;
      dbhh[2 * hid + j] += dn * rg;
      direct[k + j] = dhn * zg;
    }
  }

  @Override
  public double softmax(float[] x, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      m = Math.max(m, x[j]);
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      float e = (float) Math.exp(x[j] - m);
      x[j] = e;
      sum += e;
    }
    float inv = (float) (1 / sum);
    for (int j = 0; j < n; j++) {
      x[j] *= inv;
    }
    return Math.log(sum) + m;
  }

  @Override
  public void adam(float[] w, float[] g, float[] m, float[] v, int from, int to, AdamStep s) {
    adamFrom(w, g, m, v, from, to, s);
  }

  static void adamFrom(float[] w, float[] g, float[] m, float[] v, int from, int to, AdamStep s) {
    for (int i = from; i < to; i++) {
      float mi = s.beta1() * m[i] + (1 - s.beta1()) * g[i];
      float vi = s.beta2() * v[i] + (1 - s.beta2()) * g[i] * g[i];
      m[i] = mi;
      v[i] = vi;
      w[i] -= s.lr() * ((mi / s.c1()) / ((float) Math.sqrt(vi / s.c2()) + s.eps()) + s.weightDecay() * w[i]);
    }
  }

  @Override
  public void tanhAdd(double[] x, int off, double[] r, int roff, int n) {
    tanhAddFrom(x, off, r, roff, n, 0);
  }

  /** The same for {@code j >= from} only (the tail after a vector loop). */
  static void tanhAddFrom(double[] x, int off, double[] r, int roff, int n, int from) {
    for (int j = from; j < n; j++) {
      x[off + j] = tanh(x[off + j] + r[roff + j]);
    }
  }
}
