package io.leadloop.feedback.funnel.state;

import static io.leadloop.security.state.AvroState.fieldOrder;
import static io.leadloop.security.state.AvroState.fields;
import static io.leadloop.security.state.AvroState.unknownField;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.security.state.AvroState;
import io.leadloop.security.state.StateCodec;

/** {@link FunnelNumbers} ↔ {@code funnel-numbers.v1.avsc}, field for field. */
final class FunnelNumbersCodec implements StateCodec<FunnelNumbers> {

    static final Schema SCHEMA = AvroState.schema(FunnelNumbersCodec.class, "funnel-numbers.v1.avsc");

    private static final Schema.Field[] FIELDS = fields(SCHEMA);
    private static final Schema.Field[] BUCKET_FIELDS =
            fields(SCHEMA.getField("firstTouchMinutes").schema().getElementType());
    private static final Schema.Field[] AMOUNT_FIELDS = fields(SCHEMA.getField("revenue").schema().getValueType());

    @Override
    public void write(FunnelNumbers n, Encoder out) throws IOException {
        out.writeLong(n.captured());
        out.writeLong(n.qualified());
        out.writeLong(n.handedOff());
        out.writeLong(n.accepted());
        out.writeLong(n.rejected());
        out.writeMapStart();
        out.setItemCount(n.rejectedByReason().size());
        for (var reason : n.rejectedByReason().entrySet()) {
            out.startItem();
            out.writeString(reason.getKey());
            out.writeLong(reason.getValue());
        }
        out.writeMapEnd();
        out.writeLong(n.contacted());
        out.writeLong(n.contactedWithinSla());
        out.writeArrayStart();
        out.setItemCount(n.firstTouchMinutes().size());
        for (var bucket : n.firstTouchMinutes().entrySet()) {
            out.startItem();
            out.writeLong(bucket.getKey());
            out.writeLong(bucket.getValue());
        }
        out.writeArrayEnd();
        out.writeLong(n.meetings());
        out.writeLong(n.opportunities());
        out.writeLong(n.won());
        out.writeLong(n.lost());
        writeAmounts(out, n.revenue());
        out.writeMapStart();
        out.setItemCount(n.attributedRevenue().size());
        for (var model : n.attributedRevenue().entrySet()) {
            out.startItem();
            out.writeString(model.getKey());
            writeAmounts(out, model.getValue());
        }
        out.writeMapEnd();
    }

    private static void writeAmounts(Encoder out, Map<String, BigDecimal> amounts) throws IOException {
        out.writeMapStart();
        out.setItemCount(amounts.size());
        for (var amount : amounts.entrySet()) {
            out.startItem();
            out.writeString(amount.getKey());
            AvroState.writeDecimal(out, amount.getValue());
        }
        out.writeMapEnd();
    }

    @Override
    public FunnelNumbers read(Decoder in) throws IOException {
        long captured = 0, qualified = 0, handedOff = 0, accepted = 0, rejected = 0, contacted = 0;
        long contactedWithinSla = 0, meetings = 0, opportunities = 0, won = 0, lost = 0;
        Map<String, Long> rejectedByReason = Map.of();
        Map<Long, Long> firstTouchMinutes = Map.of();
        Map<String, BigDecimal> revenue = Map.of();
        Map<String, Map<String, BigDecimal>> attributedRevenue = Map.of();
        for (Schema.Field field : fieldOrder(in, FIELDS)) {
            switch (field.name()) {
                case "captured" -> captured = in.readLong();
                case "qualified" -> qualified = in.readLong();
                case "handedOff" -> handedOff = in.readLong();
                case "accepted" -> accepted = in.readLong();
                case "rejected" -> rejected = in.readLong();
                case "rejectedByReason" -> rejectedByReason = readCounts(in);
                case "contacted" -> contacted = in.readLong();
                case "contactedWithinSla" -> contactedWithinSla = in.readLong();
                case "firstTouchMinutes" -> firstTouchMinutes = readHistogram(in);
                case "meetings" -> meetings = in.readLong();
                case "opportunities" -> opportunities = in.readLong();
                case "won" -> won = in.readLong();
                case "lost" -> lost = in.readLong();
                case "revenue" -> revenue = readAmounts(in);
                case "attributedRevenue" -> attributedRevenue = readAmountsByModel(in);
                default -> throw unknownField(field);
            }
        }
        return new FunnelNumbers(captured, qualified, handedOff, accepted, rejected, rejectedByReason, contacted,
                contactedWithinSla, firstTouchMinutes, meetings, opportunities, won, lost, revenue, attributedRevenue);
    }

    private static Map<String, Long> readCounts(Decoder in) throws IOException {
        var counts = new TreeMap<String, Long>();
        for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                counts.put(in.readString(), in.readLong());
            }
        }
        return counts;
    }

    private static Map<Long, Long> readHistogram(Decoder in) throws IOException {
        var histogram = new TreeMap<Long, Long>();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                long minutes = 0;
                long leads = 0;
                for (Schema.Field field : fieldOrder(in, BUCKET_FIELDS)) {
                    switch (field.name()) {
                        case "minutes" -> minutes = in.readLong();
                        case "leads" -> leads = in.readLong();
                        default -> throw unknownField(field);
                    }
                }
                histogram.put(minutes, leads);
            }
        }
        return histogram;
    }

    private static Map<String, BigDecimal> readAmounts(Decoder in) throws IOException {
        var amounts = new TreeMap<String, BigDecimal>();
        for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                String currency = in.readString();
                BigInteger unscaled = BigInteger.ZERO;
                int scale = 0;
                for (Schema.Field field : fieldOrder(in, AMOUNT_FIELDS)) {
                    switch (field.name()) {
                        case "unscaled" -> unscaled = AvroState.readUnscaled(in);
                        case "scale" -> scale = in.readInt();
                        default -> throw unknownField(field);
                    }
                }
                amounts.put(currency, new BigDecimal(unscaled, scale));
            }
        }
        return amounts;
    }

    private static Map<String, Map<String, BigDecimal>> readAmountsByModel(Decoder in) throws IOException {
        var byModel = new TreeMap<String, Map<String, BigDecimal>>();
        for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                byModel.put(in.readString(), readAmounts(in));
            }
        }
        return byModel;
    }
}
