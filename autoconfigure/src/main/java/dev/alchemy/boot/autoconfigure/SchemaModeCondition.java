package dev.alchemy.boot.autoconfigure;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless the schema is to be left alone: {@code alchemy.schema.mode=none}, or (the mode unset) the deprecated
 * {@code alchemy.schema.create-all=false}.
 */
final class SchemaModeCondition extends SpringBootCondition {

    static final String MODE = "alchemy.schema.mode";
    static final String CREATE_ALL = "alchemy.schema.create-all";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String mode = env.getProperty(MODE);
        if (mode != null && !mode.isBlank()) {
            return mode.strip().toLowerCase(Locale.ROOT).equals("none")
                    ? ConditionOutcome.noMatch(MODE + " is none")
                    : ConditionOutcome.match(MODE + " is " + mode.strip());
        }
        if (Boolean.FALSE.equals(env.getProperty(CREATE_ALL, Boolean.class))) {
            return ConditionOutcome.noMatch(CREATE_ALL + " is false");
        }
        return ConditionOutcome.match(MODE + " is not set");
    }
}
