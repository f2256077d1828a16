<#--
  LaminarDB statements added to Calcite's grammar. Included into Parser.jj by FMPP
  (config.fmpp: implementationFiles). Nodes are in org.laminardb.sql.parser.ddl.
-->

/** Parses an optional IF NOT EXISTS. */
boolean LaminarIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses an optional IF EXISTS. */
boolean LaminarIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses SOURCE, STREAM, MATERIALIZED VIEW, SINK, TABLE or LOOKUP TABLE. */
ObjectKind LaminarObjectKind() :
{
}
{
    <SOURCE> { return ObjectKind.SOURCE; }
|
    <LOOKUP> <TABLE> { return ObjectKind.LOOKUP_TABLE; }
|
    <STREAM> { return ObjectKind.STREAM; }
|
    <MATERIALIZED> <VIEW> { return ObjectKind.MATERIALIZED_VIEW; }
|
    <SINK> { return ObjectKind.SINK; }
|
    <TABLE> { return ObjectKind.TABLE; }
}

/** Parses the body of CREATE [OR REPLACE] SOURCE | STREAM | MATERIALIZED VIEW | SINK. */
SqlCreate LaminarCreate(Span s, boolean replace) :
{
    final SqlCreate create;
}
{
    {
        if (replace) {
            throw GrammarErrors.at(s.end(this),
                "CREATE OR REPLACE is not supported; DROP the object, then CREATE it");
        }
    }
    (
        create = LaminarCreateSource(s)
    |
        create = LaminarCreateQueryObject(s)
    |
        create = LaminarCreateSink(s)
    )
    { return create; }
}

/** Parses SOURCE | TABLE | LOOKUP TABLE name (elements) [FROM connector (options)] after CREATE. */
SqlCreate LaminarCreateSource(Span s) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> watermarks = new ArrayList<SqlNode>();
    final List<SqlNodeList> keys = new ArrayList<SqlNodeList>();
    SqlIdentifier connector = null;
    SqlNodeList optionList = SqlNodeList.EMPTY;
    SqlNodeList withList = SqlNodeList.EMPTY;
    boolean table = false;
    boolean lookup = false;
}
{
    ( <SOURCE> | <TABLE> { table = true; } | <LOOKUP> <TABLE> { table = true; lookup = true; } )
    ifNotExists = LaminarIfNotExists() name = CompoundIdentifier()
    <LPAREN>
    LaminarSourceElement(columns, watermarks, keys)
    ( <COMMA> LaminarSourceElement(columns, watermarks, keys) )*
    <RPAREN>
    {
        if (columns.isEmpty()) {
            throw GrammarErrors.at(getPos(), "a " + (table ? "table" : "source")
                + " needs at least one column");
        }
    }
    [
        <FROM> connector = SimpleIdentifier()
        optionList = LaminarOptionList()
    ]
    [
        <WITH> withList = LaminarOptionList()
    ]
    {
        return new SqlCreateSource(s.end(this), name, ifNotExists,
            new SqlNodeList(columns, Span.of(columns).pos()),
            watermarks.isEmpty() ? null : (SqlWatermark) watermarks.get(0),
            keys.isEmpty() ? SqlNodeList.EMPTY : keys.get(0),
            connector, optionList, withList, table, lookup);
    }
}

/** Parses one element of a source: a column, a WATERMARK or a PRIMARY KEY. */
void LaminarSourceElement(List<SqlNode> columns, List<SqlNode> watermarks,
    List<SqlNodeList> keys) :
{
    final SqlNode watermark;
    final SqlNodeList key;
    final SqlNode column;
    final Span s;
}
{
    LOOKAHEAD(2) watermark = LaminarWatermark() {
        if (!watermarks.isEmpty()) {
            throw GrammarErrors.at(watermark.getParserPosition(),
                "a source has at most one WATERMARK");
        }
        watermarks.add(watermark);
    }
|
    <PRIMARY> { s = span(); } <KEY> key = ParenthesizedSimpleIdentifierList() {
        if (!keys.isEmpty()) {
            throw GrammarErrors.at(s.end(this), "a source has at most one PRIMARY KEY");
        }
        keys.add(key);
    }
|
    column = LaminarColumnDeclaration() { columns.add(column); }
}

/** Parses WATERMARK FOR column [AS expression]. */
SqlNode LaminarWatermark() :
{
    final Span s;
    final SqlIdentifier column;
    SqlNode expression = null;
}
{
    <WATERMARK> { s = span(); } <FOR> column = SimpleIdentifier()
    [ <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY) ]
    { return new SqlWatermark(s.end(this), column, expression); }
}

/** Parses a column: name type [NOT NULL | NULL]. */
SqlNode LaminarColumnDeclaration() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    boolean notNull = false;
}
{
    name = SimpleIdentifier()
    type = DataType()
    [
        <NOT> <NULL> { notNull = true; }
    |
        <NULL>
    ]
    { return new SqlColumnDeclaration(Span.of(name).end(this), name, type, notNull); }
}

/** Parses a parenthesised, comma-separated list of connector options (may be empty). */
SqlNodeList LaminarOptionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    [
        LaminarOption(list)
        ( <COMMA> LaminarOption(list) )*
    ]
    <RPAREN>
    { return new SqlNodeList(list, s.end(this)); }
}

/**
 * Parses key = value, where key is a string or a (dotted) name; the reserved words USER and
 * TABLE are accepted as keys (connection options of lookup tables).
 */
void LaminarOption(List<SqlNode> list) :
{
    final Span s;
    final String key;
    final SqlIdentifier id;
    final SqlNode value;
}
{
    { s = span(); }
    (
        key = SimpleStringLiteral()
    |
        <USER> { key = "user"; }
    |
        <TABLE> { key = "table"; }
    |
        id = CompoundIdentifier() { key = String.join(".", id.names); }
    )
    <EQ>
    value = LaminarOptionValue()
    { list.add(new SqlOption(s.end(this), key, value)); }
}

/** Parses an option value: a string, number or boolean; a bare name is taken as a string. */
SqlNode LaminarOptionValue() :
{
    final String text;
    final SqlNode number;
    final SqlIdentifier id;
}
{
    text = SimpleStringLiteral() { return SqlLiteral.createCharString(text, getPos()); }
|
    number = NumericLiteral() { return number; }
|
    <TRUE> { return SqlLiteral.createBoolean(true, getPos()); }
|
    <FALSE> { return SqlLiteral.createBoolean(false, getPos()); }
|
    id = CompoundIdentifier() {
        return SqlLiteral.createCharString(String.join(".", id.names), id.getParserPosition());
    }
}

/** Parses STREAM | MATERIALIZED VIEW name AS query [emit] [lateness] [WITH (...)] after CREATE. */
SqlCreate LaminarCreateQueryObject(Span s) :
{
    final ObjectKind kind;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNode query;
    SqlEmit emit = null;
    SqlLiteral lateness = null;
    SqlIdentifier lateDataTo = null;
    SqlNodeList withList = SqlNodeList.EMPTY;
}
{
    (
        <STREAM> { kind = ObjectKind.STREAM; }
    |
        <MATERIALIZED> <VIEW> { kind = ObjectKind.MATERIALIZED_VIEW; }
    )
    ifNotExists = LaminarIfNotExists() name = CompoundIdentifier()
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [ emit = LaminarEmit() ]
    [ <ALLOW> <LATENESS> lateness = IntervalLiteral() ]
    [ <LATE> <DATA> <TO> lateDataTo = CompoundIdentifier() ]
    [ <WITH> withList = LaminarOptionList() ]
    {
        return new SqlCreateQueryObject(s.end(this), kind, name, ifNotExists, query, emit,
            (SqlIntervalLiteral) lateness, lateDataTo, withList);
    }
}

/** Parses SINK name (FROM obj INTO connector (...) | INTO connector (...) AS query). */
SqlCreate LaminarCreateSink(Span s) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlIdentifier from = null;
    final SqlIdentifier connector;
    final SqlNodeList optionList;
    SqlNode query = null;
    SqlEmit emit = null;
    SqlLiteral lateness = null;
    SqlIdentifier lateDataTo = null;
}
{
    <SINK> ifNotExists = LaminarIfNotExists() name = CompoundIdentifier()
    (
        <FROM> from = CompoundIdentifier()
        <INTO> connector = SimpleIdentifier() optionList = LaminarOptionList()
    |
        <INTO> connector = SimpleIdentifier() optionList = LaminarOptionList()
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        [ emit = LaminarEmit() ]
        [ <ALLOW> <LATENESS> lateness = IntervalLiteral() ]
        [ <LATE> <DATA> <TO> lateDataTo = CompoundIdentifier() ]
    )
    {
        return new SqlCreateSink(s.end(this), name, ifNotExists, from, query, emit,
            connector, optionList, (SqlIntervalLiteral) lateness, lateDataTo);
    }
}

/** Parses an EMIT clause. */
SqlEmit LaminarEmit() :
{
    final Span s;
    final SqlLiteral interval;
}
{
    <EMIT> { s = span(); }
    (
        <CHANGES> { return new SqlEmit(s.end(this), EmitMode.CHANGES, null); }
    |
        <ON> (
            <WINDOW> <CLOSE> { return new SqlEmit(s.end(this), EmitMode.ON_WINDOW_CLOSE, null); }
        |
            <UPDATE> { return new SqlEmit(s.end(this), EmitMode.ON_UPDATE, null); }
        )
    |
        <AFTER> <WATERMARK> { return new SqlEmit(s.end(this), EmitMode.ON_WINDOW_CLOSE, null); }
    |
        <FINAL> { return new SqlEmit(s.end(this), EmitMode.FINAL, null); }
    |
        ( <PERIODICALLY> | <EVERY> ) interval = IntervalLiteral() {
            return new SqlEmit(s.end(this), EmitMode.PERIODIC, (SqlIntervalLiteral) interval);
        }
    )
}

/** Parses the body of DROP SOURCE | STREAM | MATERIALIZED VIEW | SINK | TABLE. */
SqlDrop LaminarDrop(Span s, boolean replace) :
{
    final ObjectKind kind;
    final boolean ifExists;
    final SqlIdentifier name;
    boolean cascade = false;
}
{
    kind = LaminarObjectKind()
    ifExists = LaminarIfExists()
    name = CompoundIdentifier()
    [
        <CASCADE> { cascade = true; }
    |
        <RESTRICT>
    ]
    { return new SqlDropObject(s.end(this), kind, name, ifExists, cascade); }
}

/**
 * Parses SHOW SOURCES | STREAMS | MATERIALIZED VIEWS | SINKS | CHECKPOINTS and SHOW CREATE kind
 * name.
 */
SqlNode LaminarShow() :
{
    final Span s;
    final ObjectKind kind;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    (
        <SOURCES> { return new SqlShowObjects(s.end(this), ObjectKind.SOURCE); }
    |
        <STREAMS> { return new SqlShowObjects(s.end(this), ObjectKind.STREAM); }
    |
        <MATERIALIZED> <VIEWS> {
            return new SqlShowObjects(s.end(this), ObjectKind.MATERIALIZED_VIEW);
        }
    |
        <SINKS> { return new SqlShowObjects(s.end(this), ObjectKind.SINK); }
    |
        <TABLES> { return new SqlShowObjects(s.end(this), ObjectKind.TABLE); }
    |
        <LOOKUP> <TABLES> { return new SqlShowObjects(s.end(this), ObjectKind.LOOKUP_TABLE); }
    |
        <CHECKPOINTS> { return new SqlShowCheckpoints(s.end(this)); }
    |
        <CREATE> kind = LaminarObjectKind() name = CompoundIdentifier() {
            return new SqlShowCreate(s.end(this), kind, name);
        }
    )
}

/** Parses DESCRIBE name or DESC name. */
SqlNode LaminarDescribe() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    name = CompoundIdentifier()
    { return new SqlDescribeObject(s.end(this), name); }
}

/** Parses SUBSCRIBE [TO] name. */
SqlNode LaminarSubscribe() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SUBSCRIBE> { s = span(); } [ <TO> ] name = CompoundIdentifier()
    { return new SqlSubscribe(s.end(this), name); }
}

/** Parses CHECKPOINT. */
SqlNode LaminarCheckpoint() :
{
}
{
    <CHECKPOINT> { return new SqlCheckpoint(getPos()); }
}

/**
 * Parses EXPLAIN CREATE STREAM | MATERIALIZED VIEW | SINK ..., EXPLAIN query-or-DML and
 * Calcite's EXPLAIN PLAN [options] FOR query-or-DML.
 */
SqlNode LaminarExplain() :
{
    final Span s;
    final Span c;
    final SqlCreate create;
    final SqlNode stmt;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    SqlExplain.Depth depth = SqlExplain.Depth.PHYSICAL;
    SqlExplainFormat format = SqlExplainFormat.TEXT;
}
{
    <EXPLAIN> { s = span(); }
    (
        <CREATE> { c = span(); }
        (
            create = LaminarCreateQueryObject(c)
        |
            create = LaminarCreateSink(c)
        )
        { return new SqlExplainCreate(s.end(this), create); }
    |
        LOOKAHEAD(2) <PLAN>
        [ detailLevel = ExplainDetailLevel() ]
        depth = ExplainDepth()
        [
            <AS>
            (
                <XML> { format = SqlExplainFormat.XML; }
            |
                <JSON> { format = SqlExplainFormat.JSON; }
            |
                <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
            )
        ]
        <FOR> stmt = SqlQueryOrDml()
    |
        stmt = SqlQueryOrDml()
    )
    {
        return new SqlExplain(s.end(this), stmt,
            detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO),
            format.symbol(SqlParserPos.ZERO),
            nDynamicParams);
    }
}

/**
 * Parses the {@code ::type} part of a PostgreSQL-style cast {@code expr::type}. The type is
 * parsed here rather than by DataType(), whose ARRAY/MULTISET suffix loop would otherwise be
 * ambiguous with a following MULTISET operator; the suffix is taken greedily, as there.
 */
void LaminarInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlTypeNameSpec typeName;
    final Span t;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    typeName = TypeName() { t = Span.of(typeName.getParserPos()); }
    ( LOOKAHEAD(1) typeName = CollectionsTypeName(typeName) )*
    {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(new SqlDataTypeSpec(typeName, t.add(typeName.getParserPos()).pos()));
    }
}

/**
 * Parses ASOF JOIN or LEFT ASOF JOIN when no MATCH_CONDITION follows the joined table (the
 * shorthand ASOF JOIN r ON l.k = r.k AND l.ts >= r.ts); with MATCH_CONDITION Calcite's own
 * join type applies. Returns LEFT_SEMI_JOIN for ASOF, LEFT_ANTI_JOIN for LEFT ASOF.
 */
JoinType LaminarAsofShorthand() :
{
}
{
    LOOKAHEAD(2, <ASOF> <JOIN>, { AsofShorthand.ahead(this) })
    <ASOF> <JOIN> { return JoinType.LEFT_SEMI_JOIN; }
|
    LOOKAHEAD(3, <LEFT> <ASOF> <JOIN>, { AsofShorthand.ahead(this) })
    <LEFT> <ASOF> <JOIN> { return JoinType.LEFT_ANTI_JOIN; }
}

