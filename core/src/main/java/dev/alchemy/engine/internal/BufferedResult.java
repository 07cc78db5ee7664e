package dev.alchemy.engine.internal;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Result;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A result read completely when its statement ran. */
final class BufferedResult implements Result {

    private final List<String> keys;
    private final List<Row> rows;
    private final long rowcount;
    private final boolean returnsRows;
    private final EngineDialect dialect;
    private @Nullable Long lastRowId;

    BufferedResult(List<String> keys, List<Row> rows, long rowcount, boolean returnsRows, EngineDialect dialect) {
        this.keys = keys;
        this.rows = rows;
        this.rowcount = rowcount;
        this.returnsRows = returnsRows;
        this.dialect = dialect;
    }

    static BufferedResult changed(long rowcount, EngineDialect dialect) {
        return new BufferedResult(List.of(), List.of(), rowcount, false, dialect);
    }

    /**
     * @param rowcount rows changed
     * @param dialect the dialect
     * @param lastRowId the key the driver reported for an INSERT, or null
     * @return the result of a statement that returned no rows
     */
    static BufferedResult changed(long rowcount, EngineDialect dialect, @Nullable Long lastRowId) {
        BufferedResult result = new BufferedResult(List.of(), List.of(), rowcount, false, dialect);
        result.lastRowId = lastRowId;
        return result;
    }

    @Override
    public @Nullable Long lastRowId() {
        return lastRowId;
    }

    @Override
    public List<Row> all() {
        return rows;
    }

    @Override
    public @Nullable Row first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Row one() {
        if (rows.isEmpty()) {
            throw new NoResultFound("no row was found when one was required");
        }
        return oneOrNoneChecked();
    }

    @Override
    public @Nullable Row oneOrNone() {
        return rows.isEmpty() ? null : oneOrNoneChecked();
    }

    private Row oneOrNoneChecked() {
        if (rows.size() > 1) {
            throw new MultipleResultsFound(rows.size() + " rows were found when one was required");
        }
        return rows.get(0);
    }

    @Override
    public @Nullable Object scalar() {
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    @Override
    public <T> @Nullable T scalar(Class<T> type) {
        return rows.isEmpty() ? null : rows.get(0).get(0, type);
    }

    @Override
    public List<@Nullable Object> scalars() {
        List<@Nullable Object> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(row.get(0));
        }
        return values;
    }

    @Override
    public <T> List<@Nullable T> scalars(Class<T> type) {
        List<@Nullable T> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(row.get(0, type));
        }
        return values;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public long rowcount() {
        return rowcount;
    }

    @Override
    public <R extends Record> List<R> into(Class<R> recordType) {
        return RecordMapper.map(recordType, keys, rows, dialect);
    }

    @Override
    public Stream<Row> stream() {
        return rows.stream();
    }

    @Override
    public boolean returnsRows() {
        return returnsRows;
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    @Override
    public String toString() {
        return returnsRows ? "Result" + keys + " " + rows.size() + " rows" : "Result[rowcount=" + rowcount + "]";
    }
}
