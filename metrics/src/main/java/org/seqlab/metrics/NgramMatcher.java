package org.seqlab.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Counts one segment's clipped n-gram matches without building string keys.
 *
 * <p>Tokens arrive as ids from a {@link TokenTable}. Within a segment, every distinct reference
 * token gets a small local id, and every distinct reference n-gram of
 * order n > 1 gets an id interned from the pair (id of its (n-1)-gram prefix, id of its last
 * token), so ids are unique across orders and an n-gram is a single int. For each id the
 * matcher keeps the maximum count over the references; a hypothesis n-gram occurrence is a match
 * while fewer than that many occurrences of it have matched, which sums {@code min(count_hyp,
 * max_ref count)} as in Papineni et al. (2002), eq. (1). A hypothesis n-gram whose prefix is not a
 * reference n-gram cannot match and is never interned.
 *
 * <p>Not thread-safe; the buffers are reused from segment to segment.
 */
final class NgramMatcher {
  private final int maxOrder;
  private int[] localOf = new int[256]; // token id -> local id, valid where localStamp == segment
  private int[] localStamp = new int[256];
  private int segment;
  private final LongIntMap ngramIds = new LongIntMap();
  private int nextId;
  private int[] refMax = new int[256]; // per n-gram id: max count in one reference
  private int[] scratch = new int[256]; // per n-gram id: count in this reference / matches used
  private int[] tok = new int[64]; // token ids of the current sequence
  private int[] cur = new int[64]; // n-gram ids starting at each position, current order

  NgramMatcher(int maxOrder) {
    this.maxOrder = maxOrder;
  }

  /**
   * Accumulates one segment's statistics into the arrays.
   *
   * @param hyp hypothesis token ids
   * @param refs the references' token ids (at least one)
   * @param correct clipped matches per order, added to
   * @param total hypothesis n-grams per order, added to
   * @param lens {@code lens[0] += hyp length, lens[1] += closest reference length}
   */
  void accumulate(int[] hyp, List<int[]> refs, long[] correct, long[] total, long[] lens) {
    segment++;
    if (segment == Integer.MAX_VALUE) {
      Arrays.fill(localStamp, 0);
      segment = 1;
    }
    ngramIds.clear();
    Arrays.fill(refMax, 0, Math.min(nextId, refMax.length), 0);
    nextId = 0;
    int[] refLens = new int[refs.size()];
    for (int r = 0; r < refs.size(); r++) {
      refLens[r] = refs.get(r).length;
      addReference(refs.get(r));
    }
    matchHypothesis(hyp, correct, total);
    lens[0] += hyp.length;
    lens[1] += Bleu.closestRefLen(hyp.length, refLens);
  }

  private void addReference(int[] tokens) {
    int len = tokens.length;
    ensureLength(len);
    for (int i = 0; i < len; i++) {
      int t = tokens[i];
      if (t >= localOf.length) {
        int cap = Math.max(t + 1, localOf.length * 2);
        localOf = Arrays.copyOf(localOf, cap);
        localStamp = Arrays.copyOf(localStamp, cap);
      }
      if (localStamp[t] != segment) {
        localStamp[t] = segment;
        localOf[t] = newId();
      }
      tok[i] = localOf[t];
      cur[i] = tok[i];
    }
    for (int n = 1; n <= maxOrder && n <= len; n++) {
      int count = len - n + 1;
      if (n > 1) {
        for (int i = 0; i < count; i++) {
          int fresh = nextId;
          int id = ngramIds.putIfAbsent(pair(cur[i], tok[i + n - 1]), fresh);
          if (id == fresh) {
            newId();
          }
          cur[i] = id;
        }
      }
      for (int i = 0; i < count; i++) {
        scratch[cur[i]]++;
      }
      for (int i = 0; i < count; i++) {
        int id = cur[i];
        if (scratch[id] > refMax[id]) {
          refMax[id] = scratch[id];
        }
      }
      for (int i = 0; i < count; i++) {
        scratch[cur[i]] = 0;
      }
    }
  }

  private void matchHypothesis(int[] tokens, long[] correct, long[] total) {
    int len = tokens.length;
    ensureLength(len);
    for (int i = 0; i < len; i++) {
      int t = tokens[i];
      tok[i] = t < localStamp.length && localStamp[t] == segment ? localOf[t] : -1;
      cur[i] = tok[i];
    }
    for (int n = 1; n <= maxOrder && n <= len; n++) {
      int count = len - n + 1;
      total[n - 1] += count;
      if (n > 1) {
        for (int i = 0; i < count; i++) {
          int last = tok[i + n - 1];
          cur[i] = cur[i] < 0 || last < 0 ? -1 : ngramIds.get(pair(cur[i], last));
        }
      }
      long matched = 0;
      for (int i = 0; i < count; i++) {
        int id = cur[i];
        if (id >= 0 && scratch[id] < refMax[id]) {
          scratch[id]++;
          matched++;
        }
      }
      for (int i = 0; i < count; i++) {
        if (cur[i] >= 0) {
          scratch[cur[i]] = 0;
        }
      }
      correct[n - 1] += matched;
    }
  }

  private int newId() {
    if (nextId == refMax.length) {
      refMax = Arrays.copyOf(refMax, nextId * 2);
      scratch = Arrays.copyOf(scratch, nextId * 2);
    }
    return nextId++;
  }

  private void ensureLength(int len) {
    if (tok.length < len) {
      int cap = Math.max(len, tok.length * 2);
      tok = new int[cap];
      cur = new int[cap];
    }
  }

  private static long pair(int prefix, int last) {
    return ((long) prefix << 32) | (last & 0xFFFFFFFFL);
  }
}
