package com.onyxos.common.schema;

/**
 * Column definitions for entity fields whose PostgreSQL type is not Hibernate's default for the Java type, named
 * as PostgreSQL reports them, so schema validation compares like with like.
 */
public final class ColumnTypes {

    /** {@code text} (Hibernate's default for a String would be {@code varchar(255)}). */
    public static final String TEXT = "text";

    /** {@code text[]}, which PostgreSQL's catalog calls {@code _text}. */
    public static final String TEXT_ARRAY = "_text";

    private ColumnTypes() {}
}
