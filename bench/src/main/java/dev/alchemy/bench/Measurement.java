package dev.alchemy.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one benchmark: workload, contender, database, the milliseconds per call of each measured
 * iteration and the bytes allocated per call.
 *
 * @param workload the workload ({@code W1} ...)
 * @param contender the contender's name
 * @param database the database
 * @param millis milliseconds per call, one value per measured iteration
 * @param bytesPerCall bytes the benchmark's thread allocated per call, over the measured iterations ({@code NaN}
 *     when not counted)
 */
public record Measurement(
        String workload, String contender, String database, List<Double> millis, double bytesPerCall) {

    /** @return the median of the iterations */
    public double median() {
        return median(millis);
    }

    /**
     * @param values some numbers
     * @return their median (the mean of the middle two for an even count)
     */
    public static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
