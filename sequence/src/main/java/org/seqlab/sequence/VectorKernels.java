package org.seqlab.sequence;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link JavaKernels} on the Vector API: the scalar kernel's arithmetic over {@code L} hidden units at
 * a time ({@code L} = 4 doubles with AVX2), with the vectorised {@code exp} and {@code tanh} of the
 * JDK, then the scalar code for the tail. Loaded only through {@link JavaKernels#best()}, so the class
 * is never touched when the incubator module is absent.
 */
final class VectorKernels implements JavaKernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

  private static DoubleVector sigmoid(DoubleVector x) {
    return ONE.div(x.neg().lanewise(VectorOperators.EXP).add(1.0));
  }

  /**
   * tanh as in the scalar kernel, from one exp: {@code e = exp(-2|x|)}, {@code (1 - e) / (1 + e)} with
   * the sign of x. (The Vector API's own TANH is not a compiler intrinsic on JDK 17: ~50x slower.)
   */
  private static DoubleVector tanh(DoubleVector x) {
    DoubleVector e = x.lanewise(VectorOperators.ABS).mul(-2.0).lanewise(VectorOperators.EXP);
    DoubleVector t = ONE.sub(e).div(e.add(1.0));
    return t.blend(t.neg(), x.compare(VectorOperators.LT, 0.0));
  }

  private static DoubleVector at(double[] a, int i) {
    return DoubleVector.fromArray(S, a, i);
  }

  @Override
  public void lstmForward(double[] z, int zr, double[] r, int rr, double[] c, int prev, int next, double[] h, double[] tc,
      int tr, double[] p, int hid) {
    int bound = S.loopBound(hid);
    int j = 0;
    for (; j < bound; j += S.length()) {
      DoubleVector cp = at(c, prev + j);
      DoubleVector ai = at(z, zr + hid + j).add(at(r, rr + hid + j));
      DoubleVector af = at(z, zr + 2 * hid + j).add(at(r, rr + 2 * hid + j));
      if (p != null) {
        ai = ai.add(at(p, hid + j).mul(cp));
        af = af.add(at(p, 2 * hid + j).mul(cp));
      }
      DoubleVector i = sigmoid(ai);
      DoubleVector f = sigmoid(af);
      DoubleVector g = tanh(at(z, zr + 3 * hid + j).add(at(r, rr + 3 * hid + j)));
      DoubleVector cn = f.mul(cp).add(i.mul(g));
      DoubleVector ao = at(z, zr + j).add(at(r, rr + j));
      if (p != null) {
        ao = ao.add(at(p, j).mul(cn));
      }
      DoubleVector o = sigmoid(ao);
      DoubleVector tcv = tanh(cn);
      o.intoArray(z, zr + j);
      i.intoArray(z, zr + hid + j);
      f.intoArray(z, zr + 2 * hid + j);
      g.intoArray(z, zr + 3 * hid + j);
      tcv.intoArray(tc, tr + j);
      cn.intoArray(c, next + j);
      o.mul(tcv).intoArray(h, next + j);
    }
    ScalarKernels.lstmForwardFrom(z, zr, r, rr, c, prev, next, h, tc, tr, p, hid, j);
  }

  @Override
  public void lstmBackward(double[] z, int zr, double[] tc, int tr, double[] c, int prev, int next, double[] dh, double[] dc,
      int k, double[] dy, int yr, double[] dz, double[] p, double[] dp, int hid) {
    int bound = S.loopBound(hid);
    int j = 0;
    for (; j < bound; j += S.length()) {
      DoubleVector o = at(z, zr + j);
      DoubleVector i = at(z, zr + hid + j);
      DoubleVector f = at(z, zr + 2 * hid + j);
      DoubleVector g = at(z, zr + 3 * hid + j);
      DoubleVector tcv = at(tc, tr + j);
      DoubleVector cp = at(c, prev + j);
      DoubleVector dhn = at(dh, k + j).add(at(dy, yr + j));
      DoubleVector dzo = dhn.mul(tcv).mul(o).mul(o.neg().add(1.0));
      DoubleVector dcn = dhn.mul(o).mul(tcv.mul(tcv).neg().add(1.0)).add(at(dc, k + j));
      if (p != null) {
        dcn = dcn.add(at(p, j).mul(dzo));
      }
      DoubleVector dzi = dcn.mul(g).mul(i).mul(i.neg().add(1.0));
      DoubleVector dzf = dcn.mul(cp).mul(f).mul(f.neg().add(1.0));
      dzo.intoArray(dz, zr + j);
      dzi.intoArray(dz, zr + hid + j);
      dzf.intoArray(dz, zr + 2 * hid + j);
      dcn.mul(i).mul(g.mul(g).neg().add(1.0)).intoArray(dz, zr + 3 * hid + j);
      DoubleVector dcp = dcn.mul(f);
      if (p != null) {
        dcp = dcp.add(at(p, hid + j).mul(dzi).add(at(p, 2 * hid + j).mul(dzf)));
      }
      dcp.intoArray(dc, k + j);
      if (dp != null) {
        at(dp, j).add(dzo.mul(at(c, next + j))).intoArray(dp, j);
        at(dp, hid + j).add(dzi.mul(cp)).intoArray(dp, hid + j);
        at(dp, 2 * hid + j).add(dzf.mul(cp)).intoArray(dp, 2 * hid + j);
      }
    }
    ScalarKernels.lstmBackwardFrom(z, zr, tc, tr, c, prev, next, dh, dc, k, dy, yr, dz, p, dp, hid, j);
  }

  @Override
  public void gruForward(double[] z, int zr, double[] r, int rr, double[] bhh, double[] un, int nr, double[] h, int prev,
      int next, int hid) {
    int bound = S.loopBound(hid);
    int j = 0;
    for (; j < bound; j += S.length()) {
      DoubleVector rg = sigmoid(at(z, zr + j).add(at(r, rr + j)).add(at(bhh, j)));
      DoubleVector zg = sigmoid(at(z, zr + hid + j).add(at(r, rr + hid + j)).add(at(bhh, hid + j)));
      DoubleVector u2 = at(r, rr + 2 * hid + j).add(at(bhh, 2 * hid + j));
      DoubleVector n = tanh(at(z, zr + 2 * hid + j).add(rg.mul(u2)));
      rg.intoArray(z, zr + j);
      zg.intoArray(z, zr + hid + j);
      n.intoArray(z, zr + 2 * hid + j);
      u2.intoArray(un, nr + j);
      zg.neg().add(1.0).mul(n).add(zg.mul(at(h, prev + j))).intoArray(h, next + j);
    }
    ScalarKernels.gruForwardFrom(z, zr, r, rr, bhh, un, nr, h, prev, next, hid, j);
  }

  @Override
  public void gruBackward(double[] z, int zr, double[] un, int nr, double[] h, int prev, double[] dh, int k, double[] dy,
      int yr, double[] dx, double[] dRec, double[] dbhh, double[] direct, int hid) {
    int bound = S.loopBound(hid);
    int j = 0;
    for (; j < bound; j += S.length()) {
      DoubleVector rg = at(z, zr + j);
      DoubleVector zg = at(z, zr + hid + j);
      DoubleVector n = at(z, zr + 2 * hid + j);
      DoubleVector dhn = at(dh, k + j).add(at(dy, yr + j));
      DoubleVector dn = dhn.mul(zg.neg().add(1.0)).mul(n.mul(n).neg().add(1.0));
      DoubleVector dzz = dhn.mul(at(h, prev + j).sub(n)).mul(zg).mul(zg.neg().add(1.0));
      DoubleVector dr = dn.mul(at(un, nr + j)).mul(rg).mul(rg.neg().add(1.0));
      DoubleVector dnr = dn.mul(rg);
      dr.intoArray(dx, zr + j);
      dzz.intoArray(dx, zr + hid + j);
      dn.intoArray(dx, zr + 2 * hid + j);
      dr.intoArray(dRec, zr + j);
      dzz.intoArray(dRec, zr + hid + j);
      dnr.intoArray(dRec, zr + 2 * hid + j);
      at(dbhh, j).add(dr).intoArray(dbhh, j);
      at(dbhh, hid + j).add(dzz).intoArray(dbhh, hid + j);
      at(dbhh, 2 * hid + j).add(dnr).intoArray(dbhh, 2 * hid + j);
      dhn.mul(zg).intoArray(direct, k + j);
    }
    ScalarKernels.gruBackwardFrom(z, zr, un, nr, h, prev, dh, k, dy, yr, dx, dRec, dbhh, direct, hid, j);
  }

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  @Override
  public double softmax(float[] x, int n) {
    int bound = F.loopBound(n);
    FloatVector mv = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
    int j = 0;
    for (; j < bound; j += F.length()) {
      mv = mv.max(FloatVector.fromArray(F, x, j));
    }
    float m = mv.reduceLanes(VectorOperators.MAX);
    for (int t = j; t < n; t++) {
      m = Math.max(m, x[t]);
    }
    FloatVector sv = FloatVector.zero(F);
    for (j = 0; j < bound; j += F.length()) {
      FloatVector e = FloatVector.fromArray(F, x, j).sub(m).lanewise(VectorOperators.EXP);
      e.intoArray(x, j);
      sv = sv.add(e);
    }
    double sum = 0;
    for (int t = j; t < n; t++) {
      float e = (float) Math.exp(x[t] - m);
      x[t] = e;
      sum += e;
    }
    for (int i = 0; i < sv.length(); i++) { // lane order: reduceLanes(ADD) leaves the order to the JIT
      sum += sv.lane(i);
    }
    float inv = (float) (1 / sum);
    for (j = 0; j < bound; j += F.length()) {
      FloatVector.fromArray(F, x, j).mul(inv).intoArray(x, j);
    }
    for (int t = j; t < n; t++) {
      x[t] *= inv;
    }
    return Math.log(sum) + m;
  }

  @Override
  public void adam(float[] w, float[] g, float[] m, float[] v, int from, int to, AdamStep s) {
    int i = from;
    int bound = from + F.loopBound(to - from);
    float b1 = s.beta1();
    float b2 = s.beta2();
    float ic1 = 1 / s.c1();
    float ic2 = 1 / s.c2();
    for (; i < bound; i += F.length()) {
      FloatVector gv = FloatVector.fromArray(F, g, i);
      FloatVector mv = FloatVector.fromArray(F, m, i).mul(b1).add(gv.mul(1 - b1));
      FloatVector vv = FloatVector.fromArray(F, v, i).mul(b2).add(gv.mul(gv).mul(1 - b2));
      mv.intoArray(m, i);
      vv.intoArray(v, i);
      FloatVector wv = FloatVector.fromArray(F, w, i);
      FloatVector step = mv.mul(ic1).div(vv.mul(ic2).lanewise(VectorOperators.SQRT).add(s.eps())).add(wv.mul(s.weightDecay()));
      wv.sub(step.mul(s.lr())).intoArray(w, i);
    }
    ScalarKernels.adamFrom(w, g, m, v, i, to, s);
  }

  @Override
  public void tanhAdd(double[] x, int off, double[] r, int roff, int n) {
    int bound = S.loopBound(n);
    int j = 0;
    for (; j < bound; j += S.length()) {
      tanh(at(x, off + j).add(at(r, roff + j))).intoArray(x, off + j);
    }
    ScalarKernels.tanhAddFrom(x, off, r, roff, n, j);
  }
}
