package io.leadloop.security.logging;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with email addresses and phone numbers masked: the safety net for a library (or a careless line)
 * that logs a payload. Our own log statements carry the lead id, never contact details (a test keeps
 * {@code getEmail()} and {@code getPhone()} out of them).
 *
 * <p>Registered for {@code %m}, {@code %msg} and {@code %message} by the {@code logback-spring.xml} this module
 * ships, so every service that depends on it masks without configuring anything. Phone numbers are masked only in the
 * forms people write them ({@code +} and digits, or groups of digits separated by spaces, dots, dashes or
 * parentheses), so lead ids, UUIDs, dates and counts stay readable.
 */
public class MaskingConverter extends MessageConverter {

    static final String MASKED_PHONE = "[phone]";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    /** {@code +1 415 555 0100}, {@code +441632960961}, {@code (415) 555-0100}, {@code 030 1234 5678}. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w.:/+-])(?:\\+\\d[\\d ().-]{6,18}\\d|\\(?\\d{2,4}\\)?[ .-]\\d{3,4}[ .-]\\d{3,5})(?![\\w:/-])");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    /** The text with every email's local part and every phone number masked. */
    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String masked = message;
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll("***@$1");
        }
        if (hasDigit(masked)) {
            masked = PHONE.matcher(masked).replaceAll(MASKED_PHONE);
        }
        return masked;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
