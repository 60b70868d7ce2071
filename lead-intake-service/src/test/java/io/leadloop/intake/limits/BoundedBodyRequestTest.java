package io.leadloop.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BoundedBodyRequestTest {

    @Test
    void readsABodyOfExactlyTheCap() throws Exception {
        var request = new MockHttpServletRequest();
        request.setContent(new byte[10]);

        assertThat(new BoundedBodyRequest(request, 10).getInputStream().readAllBytes()).hasSize(10);
    }

    @Test
    void failsOnTheFirstByteOverTheCapWhateverContentLengthSaid() {
        var request = new MockHttpServletRequest();
        request.setContent(new byte[11]);

        assertThatThrownBy(() -> new BoundedBodyRequest(request, 10).getInputStream().readAllBytes())
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(10));
    }

    @Test
    void boundsTheReaderToo() {
        var request = new MockHttpServletRequest();
        request.setContent("x".repeat(11).getBytes());

        assertThatThrownBy(() -> new BoundedBodyRequest(request, 10).getReader().readLine())
                .isInstanceOf(BodyTooLargeException.class);
    }
}
