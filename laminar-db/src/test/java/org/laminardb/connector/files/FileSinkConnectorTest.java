package org.laminardb.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.files.FileSinkFixture.ID_NAME;
import static org.laminardb.connector.files.FileSinkFixture.chunk;
import static org.laminardb.connector.files.FileSinkFixture.epochName;
import static org.laminardb.connector.files.FileSinkFixture.files;
import static org.laminardb.connector.files.FileSinkFixture.read;
import static org.laminardb.connector.files.FileSinkFixture.row;
import static org.laminardb.connector.files.FileSinkFixture.sink;
import static org.laminardb.connector.files.FileSinkFixture.visible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SinkConnectorFactory;
import org.laminardb.spi.TransactionalSinkConnector;

class FileSinkConnectorTest {
  @TempDir
  Path dir;

  private static String finalName(String sink, long epoch) {
    return sink + "-" + epochName(epoch) + ".csv";
  }

  private static String pendingName(String sink, long epoch) {
    return "_" + sink + "-" + epochName(epoch) + ".csv.pending";
  }

  private static String inProgressName(String sink, long epoch) {
    return "." + sink + "-" + epochName(epoch) + ".csv.inprogress";
  }

  @Test
  void factoryIsFoundByServiceLoaderUnderItsSqlName() {
    boolean found = false;
    for (SinkConnectorFactory f : ServiceLoader.load(SinkConnectorFactory.class)) {
      found |= f instanceof FileSinkConnectorFactory && f.name().equals("FILES");
    }
    assertThat(found).isTrue();
  }

  @Test
  void epochCycleProducesExactlyTheFinalFileAndNothingVisibleBeforeCommit() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.recover(0, null);
    s.begin(1);
    s.write(chunk(ID_NAME, row(1L, "a"), row(2L, "b")));
    assertThat(files(dir)).containsExactly(inProgressName("out", 1));
    assertThat(visible(dir)).isEmpty();
    s.write(chunk(ID_NAME, row(3L, "c")));

    String state = s.preCommit(1);
    assertThat(state).isEqualTo(pendingName("out", 1));
    assertThat(files(dir)).containsExactly(pendingName("out", 1));
    assertThat(visible(dir)).isEmpty();

    s.begin(2);
    s.write(chunk(ID_NAME, row(4L, "d")));
    s.commit(1);
    assertThat(files(dir)).containsExactly(inProgressName("out", 2), finalName("out", 1));
    assertThat(visible(dir)).containsExactly(finalName("out", 1));
    assertThat(read(dir.resolve(finalName("out", 1))))
        .isEqualTo("id,name,__op\n1,a,+I\n2,b,+I\n3,c,+I\n");

    assertThat(s.preCommit(2)).isEqualTo(pendingName("out", 2));
    s.begin(3);
    s.commit(2);
    s.close();
    assertThat(files(dir)).containsExactly(finalName("out", 1), finalName("out", 2));
    assertThat(read(dir.resolve(finalName("out", 2)))).isEqualTo("id,name,__op\n4,d,+I\n");
  }

  @Test
  void epochWithoutRowsWritesNoFile() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.recover(0, null);
    s.begin(1);
    s.write(chunk(ID_NAME)); // an empty chunk opens nothing either
    assertThat(s.preCommit(1)).isEmpty();
    s.begin(2);
    s.commit(1);
    assertThat(files(dir)).isEmpty();
    s.close();
  }

  @Test
  void abortDeletesTheEpochsFiles() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.begin(1);
    s.write(chunk(ID_NAME, row(1L, "a")));
    s.preCommit(1);
    s.begin(2);
    s.write(chunk(ID_NAME, row(2L, "b")));
    s.abort(1);
    assertThat(files(dir)).containsExactly(inProgressName("out", 2));
    s.abort(2);
    s.abort(2); // idempotent
    assertThat(files(dir)).isEmpty();
    // after aborting the open epoch, the next one works as usual
    s.begin(3);
    s.write(chunk(ID_NAME, row(3L, "c")));
    s.preCommit(3);
    s.commit(3);
    assertThat(visible(dir)).containsExactly(finalName("out", 3));
    assertThat(read(dir.resolve(finalName("out", 3)))).isEqualTo("id,name,__op\n3,c,+I\n");
    s.close();
  }

  @Test
  void commitIsIdempotent() throws IOException {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.begin(1);
    s.write(chunk(ID_NAME, row(1L, "a")));
    s.preCommit(1);
    s.commit(1);
    s.commit(1);
    assertThat(files(dir)).containsExactly(finalName("out", 1));
    // a pending file reappearing next to the final one does not replace it
    Files.writeString(dir.resolve(pendingName("out", 1)), "other");
    s.commit(1);
    assertThat(read(dir.resolve(finalName("out", 1)))).isEqualTo("id,name,__op\n1,a,+I\n");
    s.commit(7); // nothing to commit
    s.close();
  }

  @Test
  void recoverCommitsThePendingEpochAndDiscardsLaterAndUnfinishedOnes() {
    TransactionalSinkConnector before = sink("out", ID_NAME, dir, "csv");
    before.recover(0, null);
    before.begin(1);
    before.write(chunk(ID_NAME, row(1L, "a")));
    before.preCommit(1);
    before.begin(2);
    before.write(chunk(ID_NAME, row(2L, "b")));
    before.commit(1);
    String state2 = before.preCommit(2); // checkpoint 2 completes, but commit(2) never comes
    before.begin(3);
    before.write(chunk(ID_NAME, row(3L, "c")));
    before.preCommit(3); // checkpoint 3 never completes
    before.begin(4);
    before.write(chunk(ID_NAME, row(4L, "d")));
    before.close(); // crash: epoch 4 is left in progress
    assertThat(files(dir)).containsExactlyInAnyOrder(inProgressName("out", 4),
        finalName("out", 1), pendingName("out", 2), pendingName("out", 3));

    TransactionalSinkConnector after = sink("out", ID_NAME, dir, "csv");
    after.recover(2, state2);
    assertThat(files(dir)).containsExactly(finalName("out", 1), finalName("out", 2));
    assertThat(read(dir.resolve(finalName("out", 2)))).isEqualTo("id,name,__op\n2,b,+I\n");

    // epochs continue after the recovered one; epoch 3's rows come again
    after.begin(3);
    after.write(chunk(ID_NAME, row(3L, "c2")));
    after.preCommit(3);
    after.commit(3);
    after.close();
    assertThat(read(dir.resolve(finalName("out", 3)))).isEqualTo("id,name,__op\n3,c2,+I\n");
    assertThat(visible(dir)).containsExactly(finalName("out", 1), finalName("out", 2),
        finalName("out", 3));
  }

  @Test
  void recoverDeletesInProgressFilesOfCommittedEpochsAndIsRepeatable() throws IOException {
    Files.writeString(dir.resolve(inProgressName("out", 1)), "x");
    Files.writeString(dir.resolve(pendingName("out", 2)), "id,name,__op\n");
    Files.writeString(dir.resolve(inProgressName("out", 3)), "x");
    Files.writeString(dir.resolve(pendingName("out", 3)), "x");
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.recover(2, pendingName("out", 2));
    assertThat(files(dir)).containsExactly(finalName("out", 2));
    s.recover(2, pendingName("out", 2));
    assertThat(files(dir)).containsExactly(finalName("out", 2));
    s.close();
  }

  @Test
  void recoverTouchesOnlyThisSinksFiles() throws IOException {
    List<String> others = List.of(
        ".out2-" + epochName(5) + ".csv.inprogress", // another sink whose name starts the same
        "_out-x-" + epochName(5) + ".csv.pending",
        ".out-" + epochName(5) + ".json.inprogress", // another format
        "_out-" + epochName(5) + ".json.pending",
        ".out-5.csv.inprogress", // not 20 digits
        "out-" + epochName(5) + ".csv", // committed files are never touched
        "notes.txt");
    for (String n : others) {
      Files.writeString(dir.resolve(n), "keep");
    }
    Files.writeString(dir.resolve(inProgressName("out", 5)), "x");
    Files.writeString(dir.resolve(pendingName("out", 6)), "x");
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.recover(3, null);
    assertThat(files(dir)).containsExactlyInAnyOrderElementsOf(others);
    s.close();
  }

  @Test
  void sinksSharingADirectoryKeepApart() {
    TransactionalSinkConnector a = sink("a", ID_NAME, dir, "csv");
    TransactionalSinkConnector b = sink("b", ID_NAME, dir, "json");
    a.recover(0, null);
    b.recover(0, null);
    a.begin(1);
    b.begin(1);
    a.write(chunk(ID_NAME, row(1L, "a")));
    b.write(chunk(ID_NAME, row(1L, "b")));
    a.preCommit(1);
    b.preCommit(1);
    a.commit(1);
    b.abort(1);
    a.close();
    b.close();
    assertThat(files(dir)).containsExactly("a-" + epochName(1) + ".csv");
  }

  @Test
  void writeWithoutBeginStartsEpochOneAndALaterBeginAdoptsItsRows() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.write(chunk(ID_NAME, row(1L, "a")));
    assertThat(files(dir)).containsExactly(inProgressName("out", 1));
    s.begin(5); // the engine starts numbering: the rows so far belong to epoch 5
    s.write(chunk(ID_NAME, row(2L, "b")));
    assertThat(files(dir)).containsExactly(inProgressName("out", 5));
    s.preCommit(5);
    s.commit(5);
    s.close();
    assertThat(read(dir.resolve(finalName("out", 5))))
        .isEqualTo("id,name,__op\n1,a,+I\n2,b,+I\n");
  }

  @Test
  void writeWithoutBeginAfterRecoveryStartsTheNextEpoch() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.recover(7, null);
    s.write(chunk(ID_NAME, row(1L, "a")));
    assertThat(s.preCommit(8)).isEqualTo(pendingName("out", 8));
    s.commit(8);
    s.write(chunk(ID_NAME, row(2L, "b"))); // again without begin: epoch 9
    assertThat(s.preCommit(9)).isEqualTo(pendingName("out", 9));
    s.commit(9);
    s.close();
    assertThat(visible(dir)).containsExactly(finalName("out", 8), finalName("out", 9));
  }

  @Test
  void closeLeavesTheOpenEpochInProgress() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.begin(1);
    s.write(chunk(ID_NAME, row(1L, "a")));
    s.close();
    s.close();
    assertThat(files(dir)).containsExactly(inProgressName("out", 1));
    assertThat(read(dir.resolve(inProgressName("out", 1)))).isEqualTo("id,name,__op\n1,a,+I\n");
  }

  @Test
  void protocolViolationsAreReported() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.begin(2);
    assertThatThrownBy(() -> s.begin(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.begin(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.begin(3)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("epoch 2 is not pre-committed");
    s.write(chunk(ID_NAME, row(1L, "a")));
    assertThatThrownBy(() -> s.preCommit(3)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.recover(1, null)).isInstanceOf(IllegalStateException.class);
    s.close();
    assertThatThrownBy(() -> s.write(chunk(ID_NAME, row(1L, "a"))))
        .hasMessageContaining("closed");
  }

  @Test
  void committedFileOfAnEarlierRunIsNeverTakenForThisEpochs() throws IOException {
    Files.writeString(dir.resolve(finalName("out", 1)), "old run");
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.recover(0, null);
    s.begin(1);
    assertThatThrownBy(() -> s.write(chunk(ID_NAME, row(1L, "a"))))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE))
        .hasMessageContaining(finalName("out", 1)).hasMessageContaining("exists already");
    assertThat(read(dir.resolve(finalName("out", 1)))).isEqualTo("old run");
    s.close();
  }

  @Test
  void largeEpochIsWrittenCompletely() {
    TransactionalSinkConnector s = sink("out", ID_NAME, dir, "csv");
    s.begin(1);
    StringBuilder expected = new StringBuilder("id,name,__op\n");
    String name = "x".repeat(100);
    for (int i = 0; i < 5000; i += 100) {
      Object[][] rows = new Object[100][];
      for (int j = 0; j < 100; j++) {
        rows[j] = row((long) (i + j), name);
        expected.append(i + j).append(',').append(name).append(",+I\n");
      }
      s.write(chunk(ID_NAME, rows));
    }
    s.preCommit(1);
    s.commit(1);
    s.close();
    assertThat(read(dir.resolve(finalName("out", 1)))).isEqualTo(expected.toString());
  }
}
