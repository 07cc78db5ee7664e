package dev.alchemy.reliability.web;

import dev.alchemy.orm.Session;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small JSON API over the shared Session. {@code POST /boards/{id}/posts} reads the board, increments its counter
 * and inserts the post: a read, then two writes, in one transaction; a lost update would show as a counter that
 * disagrees with the number of posts.
 */
@RestController
class BoardController {

    private final Session session;

    BoardController(Session session) {
        this.session = session;
    }

    @PostMapping("/boards/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> createBoard(@PathVariable int id) {
        session.add(new Board(id));
        return Map.of("id", id);
    }

    @PostMapping("/boards/{id}/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> post(@PathVariable int id, @RequestBody String text) {
        Board board = session.get(Board.class, id);
        if (board == null) {
            throw new IllegalArgumentException("no board " + id);
        }
        board.posts = board.posts + 1;
        Post post = new Post(id, text);
        session.add(post);
        session.flush();
        return Map.of("id", post.id, "number", board.posts);
    }

    @GetMapping("/boards/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> board(@PathVariable int id) {
        Board board = session.get(Board.class, id);
        List<String> texts = session.query(Post.class).filterBy("board", id).all().stream()
                .map(p -> p.text)
                .toList();
        return Map.of("posts", board == null ? -1 : board.posts, "texts", texts);
    }
}
