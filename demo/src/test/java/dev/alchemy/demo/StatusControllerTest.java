package dev.alchemy.demo;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The demo with the starter's defaults, except an in-memory database so the test leaves no file behind. */
@SpringBootTest(properties = "alchemy.url=sqlite:///:memory:")
@AutoConfigureMockMvc
class StatusControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void statusRunsSelectOneThroughTheEngineAndAnswersWhatTheReadmeShows() throws Exception {
        mvc.perform(get("/status"))
                .andExpect(status().isOk())
                .andExpect(content().string("{\"database\":\"sqlite\",\"selectOne\":1}"));
    }
}
