package dev.alchemy.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger logs (through Logback, the tests' SLF4J binding), from a level on, until closed; the
 * logger's level is restored then.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.INFO)) {
 *     ...
 *     assertThat(log.messages()).contains("COMMIT");
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.previous = logger.getLevel();
        logger.setLevel(level);
        appender.start();
        logger.addAppender(appender);
    }

    /**
     * Starts capturing.
     *
     * @param loggerName the logger, e.g. {@code dev.alchemy.engine}
     * @param level the lowest level to capture (the logger is set to it meanwhile)
     * @return the capture; close it
     */
    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerName), level);
    }

    /** @return every event so far */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** @return the formatted messages so far, in order */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * @param level a level
     * @return the formatted messages logged at exactly that level
     */
    public List<String> messages(Level level) {
        return events().stream()
                .filter(e -> e.getLevel().equals(level))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Stops capturing and restores the logger's level. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previous);
    }
}
