package org.laminardb.connector.datagen;

import java.util.SplittableRandom;
import org.laminardb.core.chunk.Column;

/** Random strings of a fixed length over lower-case letters and digits. */
final class RandomStringGenerator implements FieldGenerator {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final SplittableRandom random;
  private final char[] buffer;

  /**
   * Creates the generator.
   *
   * @param random the seeded source of randomness
   * @param length characters per string
   */
  RandomStringGenerator(SplittableRandom random, int length) {
    this.random = random;
    this.buffer = new char[length];
  }

  @Override
  public void write(Column column, int row) {
    for (int i = 0; i < buffer.length; i++) {
      buffer[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    column.strings[row] = new String(buffer);
  }
}
