package io.leadloop.intake.limits;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart form posts are parsed by the servlet container from its own stream, past {@link BoundedBodyRequest}:
 * their cap is the multipart configuration's, set here to the same {@link LimitsProperties#maxBodySize()} (over it,
 * Spring's {@code MaxUploadSizeExceededException}, answered {@code 413} problem details). Parts stay in memory
 * (threshold = the cap) because intake stores no files: it never writes a part to disk.
 */
@Configuration(proxyBeanMethods = false)
class FormBodyLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(LimitsProperties limits) {
        long max = limits.maxBodySize().toBytes();
        return new MultipartConfigElement("", max, max, (int) Math.min(Integer.MAX_VALUE, max));
    }
}
