package dev.alchemy.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written SVG bar chart: for each database a panel, for each workload a group of bars, one per contender,
 * each the contender's median time as a multiple of raw JDBC's (logarithmic axis, 1× marked).
 */
final class Chart {

    private static final Map<String, String> COLORS = Map.of(
            "core", "#4c9be8",
            "orm", "#1f5fa8",
            "orm-readonly", "#0b3566",
            "orm-joined", "#7fb0e0",
            "hibernate", "#d9822b",
            "jooq", "#3a9e4f",
            "mybatis", "#b8423a",
            "jdbc", "#888888");
    private static final int LEFT = 150;
    private static final int WIDTH = 560;
    private static final int BAR = 11;
    private static final int GAP = 10;

    private Chart() {}

    static String svg(Results results, List<String> databases, List<String> contenders) {
        List<String> shown = contenders.stream().filter(c -> !c.equals("jdbc")).toList();
        double max = 2;
        for (Measurement m : results.all()) {
            Double r = results.ratio(m.workload(), m.contender(), m.database());
            if (r != null && !m.contender().equals("jdbc")) {
                max = Math.max(max, r);
            }
        }
        double min = 0.5;
        double top = Math.pow(10, Math.ceil(Math.log10(max) * 2) / 2); // 1, 3.16, 10, 31.6 ...
        int groupHeight = shown.size() * BAR + GAP;
        int panelHeight = 30 + Workload.values().length * groupHeight + 30;
        int height = 50 + databases.size() * panelHeight + 20;
        int width = LEFT + WIDTH + 60;
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\">\n",
                width,
                height,
                width,
                height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Median time per workload, "
                + "as a multiple of raw JDBC (shorter is faster)</text>\n");
        int x0 = 10;
        for (String c : shown) {
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"30\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"39\">%s</text>\n",
                    x0,
                    COLORS.getOrDefault(c, "#444"),
                    x0 + 14,
                    Contenders.label(c)));
            x0 += 160;
        }
        int y = 50;
        for (String db : databases) {
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"10\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>\n",
                    y + 18,
                    db.equals("sqlite") ? "SQLite" : "PostgreSQL"));
            int plotTop = y + 26;
            int plotBottom = y + panelHeight - 30;
            for (double tick : new double[] {0.5, 1, 2, 3, 5, 10, 20, 30, 50, 100}) {
                if (tick > top) {
                    break;
                }
                double tx = LEFT + WIDTH * (Math.log(tick / min) / Math.log(top / min));
                s.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
                        tx,
                        plotTop,
                        tx,
                        plotBottom,
                        tick == 1 ? "#333" : "#ddd",
                        tick == 1 ? "1.5" : "1"));
                s.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s×</text>\n",
                        tx,
                        plotBottom + 14,
                        tick == Math.floor(tick) ? String.valueOf((int) tick) : String.valueOf(tick)));
            }
            int gy = plotTop + 4;
            for (Workload w : Workload.values()) {
                s.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                        LEFT - 8,
                        gy + shown.size() * BAR / 2 + 4,
                        w.name() + " " + shortName(w)));
                int by = gy;
                for (String c : shown) {
                    Double r = results.ratio(w.name(), c, db);
                    if (r != null) {
                        double v = Math.max(min, Math.min(top, r));
                        double bw = WIDTH * (Math.log(v / min) / Math.log(top / min));
                        s.append(String.format(
                                Locale.ROOT,
                                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                                        + "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%.2f×</text>\n",
                                LEFT,
                                by,
                                bw,
                                BAR - 2,
                                COLORS.getOrDefault(c, "#444"),
                                LEFT + bw + 3,
                                by + BAR - 3,
                                r));
                    }
                    by += BAR;
                }
                gy += groupHeight;
            }
            y += panelHeight;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String shortName(Workload w) {
        return switch (w) {
            case W1 -> "insert";
            case W2 -> "load all";
            case W3 -> "get by key";
            case W4 -> "update";
            case W5 -> "by name";
            case W6 -> "+addresses";
            case W7 -> "delete";
        };
    }
}
