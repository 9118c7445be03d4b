package org.seqlab.cli.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.attention.caption.CaptionModel;
import org.seqlab.cli.CliTestSupport;

class CaptionCliTest extends CliTestSupport {
  @TempDir Path dir;


  @Test
  void trainDescribeEvaluateAndRenderScenes() throws IOException {
    Path model = dir.resolve("tiny.spf");
    assertEquals(0, run("caption", "train", "--out", model.toString(), "--variant", "show-attend-and-tell", "--steps", "4",
        "--batch", "2", "--image-size", "16", "--hidden", "8", "--report-every", "2", "--eval-scenes", "2", "--beam", "2",
        "--checkpoint", dir.resolve("ckpt").toString(), "--checkpoint-every", "2", "--seed", "3"), err);
    assertTrue(out.contains("model       caption|show-attend-and-tell|px:16|conv:16-32-64|emb:48|hid:8|att:96|drop:0.1"), out);
    assertTrue(out.contains("progress    step 2/4") && out.contains("ETA"), out);
    assertTrue(out.contains("eval        novel     2 scenes  beam|k:2|alpha:0.7|max:40"), out);
    assertTrue(out.contains("BLEU-4 on the 0-1 scale") && out.contains("tok:13a"), out);
    assertEquals("3", CaptionModel.load(model).provenance().get("run.seed"));
    assertTrue(Files.exists(dir.resolve("ckpt")));

    Path scenes = dir.resolve("scenes");
    assertEquals(0, run("caption", "scenes", "--out", scenes.toString(), "--split", "novel", "--count", "3", "--image-size", "16"), err);
    List<String> tsv = Files.readAllLines(scenes.resolve("captions.tsv"), StandardCharsets.UTF_8);
    assertEquals(3, tsv.size());
    assertTrue(tsv.get(0).startsWith("novel-00000.png\ta "), tsv.get(0));
    assertEquals(16, ImageIO.read(scenes.resolve("novel-00001.png").toFile()).getWidth());

    Path heat = dir.resolve("heat");
    assertEquals(0, run("caption", "describe", "--model", model.toString(), "--beam", "3", "--heatmaps", heat.toString(),
        scenes.resolve("novel-00000.png").toString(), scenes.resolve("novel-00001.png").toString()), err);
    assertEquals(2, out.strip().split("\n").length, out);
    assertTrue(Files.exists(heat.resolve("novel-00000-attention.png")));

    assertEquals(0, run("caption", "eval", "--model", model.toString(), "--split", "test", "--scenes", "3", "--beam", "1"), err);
    assertTrue(out.contains("eval        test      3 scenes  greedy|max:40") && out.contains("(seed 3)"), out);
  }

  @Test
  void badInputsGetOneClearLineAndExitCode2() throws IOException {
    assertEquals(2, run("caption", "describe", "--model", dir.resolve("missing.spf").toString(), "x.png"));
    assertTrue(err.contains("missing.spf") && !err.contains("\tat "), err);
    Path notModel = Files.writeString(dir.resolve("bad.spf"), "not a model");
    assertEquals(2, run("caption", "describe", "--model", notModel.toString(), "x.png"));
    assertTrue(err.contains("not a seqlab parameter file"), err);
    assertEquals(2, run("caption", "scenes", "--out", dir.toString(), "--split", "holdout"));
    assertTrue(err.contains("holdout"), err);
    assertEquals(2, run("caption", "train", "--out", dir.resolve("m").toString(), "--image-size", "20", "--eval-scenes", "0"));
    assertTrue(err.contains("imageSize"), err);
  }
}
