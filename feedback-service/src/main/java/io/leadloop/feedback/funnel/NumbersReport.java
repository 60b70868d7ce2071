package io.leadloop.feedback.funnel;

import java.time.LocalDate;
import java.util.List;

/** The numbers of every value of one dimension over the days asked for (null = open end). */
public record NumbersReport(String dimension, LocalDate from, LocalDate to, List<NumbersRow> rows) {
}
