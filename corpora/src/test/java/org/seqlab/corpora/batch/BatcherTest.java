package org.seqlab.corpora.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BatcherTest {
  private static SequenceData randomData(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<int[]> in = new ArrayList<>();
    List<int[]> out = new ArrayList<>();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int[] s = new int[1 + rnd.nextInt(40)];
      Arrays.fill(s, i + 10); // the example is recognisable from its ids
      in.add(s);
      int[] t = new int[1 + rnd.nextInt(10)];
      Arrays.fill(t, -(i + 10));
      out.add(t);
      labels[i] = i % 3;
    }
    return SequenceData.of(in, 0).withTargets(out).withLabels(labels);
  }

  @Test
  void padsToTheLongestWithMaskAndLengths() {
    SequenceData data = SequenceData.of(List.of(new int[] {5, 6, 7}, new int[] {8}), 0);
    Batcher b = new Batcher(BatcherConfig.of(2).withShuffle(false).withPoolFactor(0));
    List<PaddedBatch> batches = b.batches(data, 1);
    assertEquals(1, batches.size());
    PaddedBatch batch = batches.get(0);
    assertArrayEquals(new int[][] {{5, 6, 7}, {8, 0, 0}}, batch.ids());
    assertArrayEquals(new int[][] {{1, 1, 1}, {1, 0, 0}}, batch.mask());
    assertArrayEquals(new int[] {3, 1}, batch.lengths());
    assertArrayEquals(new int[] {5, 6, 7, 8, 0, 0}, batch.inputs().flatIds());
    assertEquals(4, batch.inputs().tokenCount());
    assertArrayEquals(new int[] {0, 1}, batch.indices());
    assertFalse(batch.targets().isPresent());
    assertFalse(batch.labels().isPresent());
  }

  @Test
  void indArraysHaveTheRequestedTypeAndShape() {
    SequenceData data = SequenceData.of(List.of(new int[] {5, 6, 7}, new int[] {8}), 1);
    PaddedBatch batch =
        new Batcher(BatcherConfig.of(2).withShuffle(false).withPoolFactor(0)).batches(data, 0).get(0);
    for (DataType type : new DataType[] {DataType.INT32, DataType.INT64, DataType.FLOAT, DataType.DOUBLE}) {
      INDArray ids = batch.idsArray(type);
      INDArray mask = batch.maskArray(type);
      assertEquals(type, ids.dataType());
      assertEquals(type, mask.dataType());
      assertArrayEquals(new long[] {2, 3}, ids.shape());
      assertArrayEquals(new long[] {2, 3}, mask.shape());
      assertEquals(7.0, ids.getDouble(0, 2));
      assertEquals(1.0, ids.getDouble(1, 2)); // padId 1
      assertEquals(1.0, mask.getDouble(1, 0));
      assertEquals(0.0, mask.getDouble(1, 1));
    }
  }

  @Test
  void everyExampleOnceWithItsTargetAndLabel() {
    SequenceData data = randomData(203, 1);
    List<PaddedBatch> batches = new Batcher(BatcherConfig.of(16)).batches(data, 42);
    boolean[] seen = new boolean[203];
    for (PaddedBatch b : batches) {
      int[][] ids = b.ids();
      int[][] tgt = b.targets().orElseThrow().ids();
      int[] labels = b.labels().orElseThrow();
      int[] idx = b.indices();
      for (int r = 0; r < b.batchSize(); r++) {
        assertFalse(seen[idx[r]]);
        seen[idx[r]] = true;
        assertEquals(idx[r] + 10, ids[r][0]);
        assertEquals(-(idx[r] + 10), tgt[r][0]);
        assertEquals(idx[r] % 3, labels[r]);
        assertEquals(data.inputLength(idx[r]), b.lengths()[r]);
      }
    }
    for (boolean s : seen) {
      assertTrue(s);
    }
    assertEquals(13, batches.size()); // ceil(203 / 16)
  }

  @Test
  void sameSeedSameBatchesOtherSeedOtherOrder() {
    SequenceData data = randomData(100, 2);
    Batcher b = new Batcher(BatcherConfig.of(8).withPoolFactor(4));
    List<int[]> p1 = b.plan(data, 7);
    List<int[]> p2 = b.plan(data, 7);
    List<int[]> p3 = b.plan(data, 8);
    assertEquals(p1.size(), p2.size());
    for (int i = 0; i < p1.size(); i++) {
      assertArrayEquals(p1.get(i), p2.get(i));
    }
    boolean differs = false;
    for (int i = 0; i < p1.size(); i++) {
      differs |= !Arrays.equals(p1.get(i), p3.get(i));
    }
    assertTrue(differs);
  }

  @Test
  void bucketingSortsWithinPoolsAndCutsPadding() {
    SequenceData data = randomData(400, 3);
    // no shuffle and one pool holding everything: batches are globally sorted by input length
    List<int[]> sorted = new Batcher(new BatcherConfig(10, 1000, false, false)).plan(data, 0);
    int last = 0;
    for (int[] rows : sorted) {
      for (int r : rows) {
        assertTrue(data.inputLength(r) >= last);
        last = data.inputLength(r);
      }
    }
    long plain = padding(new Batcher(new BatcherConfig(10, 0, true, false)).batches(data, 5));
    long bucketed = padding(new Batcher(new BatcherConfig(10, 10, true, false)).batches(data, 5));
    // lengths are uniform in 1..40: random batches of 10 waste about a third of B*T; sorted pools of
    // 100 leave only a few positions per batch
    assertTrue(bucketed * 3 < plain, "bucketed " + bucketed + " vs plain " + plain);
  }

  private static long padding(List<PaddedBatch> batches) {
    long pad = 0;
    for (PaddedBatch b : batches) {
      pad += (long) b.batchSize() * b.maxLength() - b.inputs().tokenCount();
    }
    return pad;
  }

  @Test
  void dropLastAndValidation() {
    SequenceData data = randomData(10, 4);
    assertEquals(3, new Batcher(BatcherConfig.of(4).withDropLast(false)).batches(data, 0).size());
    assertEquals(2, new Batcher(BatcherConfig.of(4).withDropLast(true)).batches(data, 0).size());
    assertThrows(IllegalArgumentException.class, () -> BatcherConfig.of(0));
    assertThrows(IllegalArgumentException.class, () -> BatcherConfig.of(2).withPoolFactor(-1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SequenceData.of(List.of(new int[] {1}, new int[0]), 0));
    assertTrue(e.getMessage().contains("inputs[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> data.withLabels(new int[3]));
    assertEquals("batch|B:4|pool:50|shuffle:yes|drop:no", BatcherConfig.of(4).signature());
  }
}
