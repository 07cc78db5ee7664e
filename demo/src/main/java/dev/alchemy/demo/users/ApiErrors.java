package dev.alchemy.demo.users;

import dev.alchemy.exc.UnencodableTextError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): 400 with the invalid fields under
 * {@code errors}, 400 for text that no database can store (see {@link #unstorableText}), 404 for an unknown user, 409
 * for an email that another user has (Alchemy's duplicate key arrives as Spring's {@link DuplicateKeyException}, from
 * the flush in the service or from the flush at commit).
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.merge(error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Invalid " + String.join(", ", errors.keySet()) + ".");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail notFound(UserNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    /**
     * JSON can carry a lone UTF-16 surrogate ({@code "\\ud800"}), which no database encoding can store. Alchemy refuses
     * to bind such text (an {@link UnencodableTextError}, which Spring turns into an
     * {@link InvalidDataAccessApiUsageException}), the transaction rolls back, and the client is told what was wrong
     * with its text. Any other misuse of the data access API is the server's bug, not the client's: rethrown, it stays
     * a 500.
     */
    @ExceptionHandler
    ProblemDetail unstorableText(InvalidDataAccessApiUsageException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnencodableTextError) {
                return ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        "The request has text with an unpaired UTF-16 surrogate (such as \\ud800 without its pair),"
                                + " which cannot be stored. Send well-formed Unicode text.");
            }
        }
        throw ex;
    }

    @ExceptionHandler
    ProblemDetail duplicate(DuplicateKeyException ex) {
        // the exception's own message has the SQL; the only unique column besides the ids is users.email
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Another user has this email address.");
        problem.setProperty("errors", Map.of("email", "is taken"));
        return problem;
    }
}
