package org.laminardb.sql.parser;

import java.util.Locale;
import org.laminardb.sql.parser.impl.LaminarSqlParserImpl;
import org.laminardb.sql.parser.impl.LaminarSqlParserImplConstants;
import org.laminardb.sql.parser.impl.Token;

/**
 * The grammar's test for LaminarDB's ASOF shorthand ({@code ASOF JOIN r ON l.k = r.k AND l.ts >=
 * r.ts}, without {@code MATCH_CONDITION}): used as a semantic lookahead, so it reads tokens
 * without consuming them.
 */
public final class AsofShorthand {
  private AsofShorthand() {}

  /**
   * Whether the ASOF join whose first token is next reaches its {@code ON} before any {@code
   * MATCH_CONDITION} outside parentheses.
   *
   * @param parser the parser, positioned before {@code ASOF} or {@code LEFT}
   * @return true for the shorthand
   */
  public static boolean ahead(LaminarSqlParserImpl parser) {
    int depth = 0;
    for (int i = 1; ; i++) {
      Token t = parser.getToken(i);
      if (t.kind == LaminarSqlParserImplConstants.EOF) {
        return false;
      }
      String word = t.image.toUpperCase(Locale.ROOT);
      if ("(".equals(word)) {
        depth++;
      } else if (")".equals(word)) {
        if (--depth < 0) {
          return false;
        }
      } else if (depth == 0 && "MATCH_CONDITION".equals(word)) {
        return false;
      } else if (depth == 0 && "ON".equals(word)) {
        return true;
      }
    }
  }
}
