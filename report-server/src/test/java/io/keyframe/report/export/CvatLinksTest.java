package io.keyframe.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvatLinksTest {
  @TempDir Path dir;

  @Test
  void aFrameLinksToTheJobHoldingItAndOnlyThere() throws Exception {
    Path jobs = dir.resolve("jobs.csv");
    Files.writeString(
        jobs, "video_id,task_id,job_id,start_frame,stop_frame\nv1,3,8,0,99\nv1,3,9,100,199\n");
    CvatLinks links = CvatLinks.read("https://cvat.example.org/", jobs);
    assertThat(links.frameUrl("v1", 100))
        .contains("https://cvat.example.org/tasks/3/jobs/9?frame=100");
    assertThat(links.frameUrl("v1", 99))
        .contains("https://cvat.example.org/tasks/3/jobs/8?frame=99");
    assertThat(links.frameUrl("v1", 200)).isEmpty();
    assertThat(links.frameUrl("v2", 0)).isEmpty();
    assertThat(CvatLinks.NONE.frameUrl("v1", 0)).isEmpty();
  }

  @Test
  void aBadLineNamesItsFileLineAndField() throws Exception {
    Path jobs = dir.resolve("jobs.csv");
    Files.writeString(jobs, "v1,3,8,0,99\nv1,3,x,100,199\n");
    assertThatThrownBy(() -> CvatLinks.read("https://cvat.example.org", jobs))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("jobs.csv")
        .hasMessageContaining("2")
        .hasMessageContaining("job_id");
    Files.writeString(jobs, "v1,3,8,50,10\n");
    assertThatThrownBy(() -> CvatLinks.read("https://cvat.example.org", jobs))
        .hasMessageContaining("stop_frame");
  }

  @Test
  void onlyAnHttpBaseUrlWithoutQueryIsTaken() throws Exception {
    Path jobs = dir.resolve("jobs.csv");
    Files.writeString(jobs, "");
    assertThatThrownBy(() -> CvatLinks.read("javascript:alert(1)", jobs))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CvatLinks.read("https://cvat.example.org/?x=1", jobs))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
