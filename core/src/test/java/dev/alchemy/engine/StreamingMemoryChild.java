package dev.alchemy.engine;

import static dev.alchemy.Alchemy.text;

import dev.alchemy.Alchemy;

/**
 * The child JVM of {@link StreamingMemoryTest}, started with a small heap: reads every row of the table {@code big}
 * either streamed ({@code stream}) or read completely ({@code buffered}), and prints {@code ROWS n SUM s}, or
 * {@code OUT OF MEMORY} (exit status 3) when the heap was too small.
 */
final class StreamingMemoryChild {

    private StreamingMemoryChild() {}

    public static void main(String[] args) {
        String url = args[0];
        boolean streamed = args[1].equals("stream");
        long rows = 0;
        long sum = 0;
        try (Engine engine = Alchemy.createEngine(url);
                Connection conn = engine.connect()) {
            var query = text("SELECT id, payload FROM big ORDER BY id");
            if (streamed) {
                try (StreamingResult result = conn.stream(query)) {
                    for (Row row : result) {
                        rows++;
                        sum += ((Number) row.get(0)).longValue();
                        if (((String) row.get(1)).length() != 100) {
                            throw new AssertionError("payload of row " + row.get(0) + ": " + row.get(1));
                        }
                    }
                }
            } else {
                for (Row row : conn.execute(query)) {
                    rows++;
                    sum += ((Number) row.get(0)).longValue();
                }
            }
        } catch (OutOfMemoryError e) {
            System.out.println("OUT OF MEMORY");
            System.out.flush();
            System.exit(3);
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.println("ROWS " + rows + " SUM " + sum + " MAXHEAP " + runtime.maxMemory());
    }
}
