package org.laminardb.sql.parser;

import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.laminardb.sql.parser.impl.LaminarSqlParserImpl;

/**
 * SQL dialect that writes statements the way {@link LaminarSqlParser} reads them: identifiers
 * in double quotes, but only where needed (not a plain name, or a keyword), so that the text
 * re-parses to an equal statement with the same case.
 */
public final class LaminarSqlDialect extends CalciteSqlDialect {
  /** The shared instance. */
  public static final LaminarSqlDialect DEFAULT = new LaminarSqlDialect();

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final SqlAbstractParserImpl.Metadata metadata;

  private LaminarSqlDialect() {
    super(
        CalciteSqlDialect.DEFAULT_CONTEXT
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false));
    metadata = LaminarSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
  }

  /** Whether a word is reserved in LaminarDB's SQL, so usable as a name only in quotes. */
  boolean isReservedWord(String word) {
    return metadata.isReservedWord(word.toUpperCase(Locale.ROOT));
  }

  @Override
  protected boolean identifierNeedsQuote(String val) {
    return !PLAIN_NAME.matcher(val).matches()
        || metadata.isKeyword(val.toUpperCase(Locale.ROOT));
  }
}
