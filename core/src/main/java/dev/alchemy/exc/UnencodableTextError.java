package dev.alchemy.exc;

/**
 * Text given as a parameter cannot be stored in any database encoding: it has an unpaired UTF-16 surrogate, such as a
 * {@code String} cut in the middle of a character or JSON with a lone {@code "\ud800"}. The drivers would silently
 * store {@code '?'} in its place, so Alchemy refuses it before the statement runs; the message names the parameter and
 * the position. An {@link ArgumentError}, so code that handles bad arguments handles it too; a web application can
 * answer it with a 400, as it is the client's text.
 *
 * <pre>{@code
 * try {
 *     session.commit();
 * } catch (UnencodableTextError e) {
 *     // tell the client its text is not well-formed Unicode
 * }
 * }</pre>
 */
public class UnencodableTextError extends ArgumentError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public UnencodableTextError(String message) {
        super(message);
    }
}
