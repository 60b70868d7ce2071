package io.leadloop.feedback.funnel.state;

import static io.leadloop.security.state.AvroState.fieldOrder;
import static io.leadloop.security.state.AvroState.fields;
import static io.leadloop.security.state.AvroState.nonNull;
import static io.leadloop.security.state.AvroState.readNull;
import static io.leadloop.security.state.AvroState.readNullableInstant;
import static io.leadloop.security.state.AvroState.readNullableString;
import static io.leadloop.security.state.AvroState.unknownField;
import static io.leadloop.security.state.AvroState.writeNull;
import static io.leadloop.security.state.AvroState.writeNullableInstant;
import static io.leadloop.security.state.AvroState.writeNullableString;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

import io.leadloop.feedback.funnel.domain.DealClosing;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.Money;
import io.leadloop.feedback.funnel.domain.SalesDecision;
import io.leadloop.feedback.funnel.domain.Touch;
import io.leadloop.security.state.AvroState;
import io.leadloop.security.state.StateCodec;

/** {@link LeadFunnel} ↔ {@code lead-funnel.v1.avsc}, field for field. */
final class LeadFunnelCodec implements StateCodec<LeadFunnel> {

    static final Schema SCHEMA = AvroState.schema(LeadFunnelCodec.class, "lead-funnel.v1.avsc");

    private static final Schema.Field[] FIELDS = fields(SCHEMA);
    private static final Schema TOUCH = SCHEMA.getField("touches").schema().getElementType();
    private static final Schema.Field[] TOUCH_FIELDS = fields(TOUCH);
    private static final Schema.Field[] INSTANT_FIELDS = fields(nonNull(SCHEMA.getField("firstSeenAt").schema()));
    private static final Schema.Field[] MONEY_FIELDS = fields(nonNull(SCHEMA.getField("revenue").schema()));
    private static final Schema DECISION = SCHEMA.getField("decision").schema();
    private static final Schema CLOSING = SCHEMA.getField("closing").schema();
    private static final SalesDecision[] DECISIONS = AvroState.bySymbolIndex(DECISION, SalesDecision.class);
    private static final int[] DECISION_SYMBOLS = AvroState.symbolIndexByOrdinal(DECISION, SalesDecision.class);
    private static final DealClosing[] CLOSINGS = AvroState.bySymbolIndex(CLOSING, DealClosing.class);
    private static final int[] CLOSING_SYMBOLS = AvroState.symbolIndexByOrdinal(CLOSING, DealClosing.class);

    @Override
    public void write(LeadFunnel f, Encoder out) throws IOException {
        out.writeString(f.leadId());
        writeNullableString(out, f.campaignId());
        writeNullableString(out, f.source());
        writeNullableString(out, f.formId());
        writeNullableString(out, f.landingPage());
        out.writeInt(f.originTouch());
        writeNullableInstant(out, f.firstSeenAt());
        writeNullableInstant(out, f.capturedAt());
        out.writeArrayStart();
        out.setItemCount(f.touches().size());
        for (Touch touch : f.touches()) {
            out.startItem();
            out.writeInt(touch.touch());
            writeNullableString(out, touch.campaignId());
            writeNullableInstant(out, touch.occurredAt());
        }
        out.writeArrayEnd();
        out.writeBoolean(f.captured());
        out.writeBoolean(f.qualified());
        writeNullableInstant(out, f.qualifiedAt());
        out.writeBoolean(f.handedOff());
        writeNullableInstant(out, f.handedOffAt());
        writeNullableInstant(out, f.slaDueAt());
        writeNullableString(out, f.ownerRepId());
        writeNullableInstant(out, f.ownerSince());
        out.writeEnum(DECISION_SYMBOLS[f.decision().ordinal()]);
        writeNullableInstant(out, f.decidedAt());
        writeNullableString(out, f.rejectionReason());
        out.writeBoolean(f.contacted());
        writeNullableInstant(out, f.firstContactAt());
        out.writeBoolean(f.meeting());
        out.writeBoolean(f.opportunity());
        writeNullableInstant(out, f.opportunityAt());
        out.writeEnum(CLOSING_SYMBOLS[f.closing().ordinal()]);
        writeNullableInstant(out, f.closedAt());
        if (!writeNull(out, f.revenue())) {
            AvroState.writeDecimal(out, f.revenue().amount());
            out.writeString(f.revenue().currency());
        }
        writeNullableString(out, f.ownerTeam());
    }

    @Override
    public LeadFunnel read(Decoder in) throws IOException {
        String leadId = null, campaignId = null, source = null, formId = null, landingPage = null;
        String ownerRepId = null, rejectionReason = null, ownerTeam = null;
        int originTouch = 0;
        Instant firstSeenAt = null, capturedAt = null, qualifiedAt = null, handedOffAt = null, slaDueAt = null;
        Instant ownerSince = null, decidedAt = null, firstContactAt = null, opportunityAt = null, closedAt = null;
        List<Touch> touches = List.of();
        boolean captured = false, qualified = false, handedOff = false, contacted = false, meeting = false;
        boolean opportunity = false;
        SalesDecision decision = SalesDecision.NONE;
        DealClosing closing = DealClosing.OPEN;
        Money revenue = null;
        for (Schema.Field field : fieldOrder(in, FIELDS)) {
            switch (field.name()) {
                case "leadId" -> leadId = in.readString();
                case "campaignId" -> campaignId = readNullableString(in);
                case "source" -> source = readNullableString(in);
                case "formId" -> formId = readNullableString(in);
                case "landingPage" -> landingPage = readNullableString(in);
                case "originTouch" -> originTouch = in.readInt();
                case "firstSeenAt" -> firstSeenAt = readNullableInstant(in, INSTANT_FIELDS);
                case "capturedAt" -> capturedAt = readNullableInstant(in, INSTANT_FIELDS);
                case "touches" -> touches = readTouches(in);
                case "captured" -> captured = in.readBoolean();
                case "qualified" -> qualified = in.readBoolean();
                case "qualifiedAt" -> qualifiedAt = readNullableInstant(in, INSTANT_FIELDS);
                case "handedOff" -> handedOff = in.readBoolean();
                case "handedOffAt" -> handedOffAt = readNullableInstant(in, INSTANT_FIELDS);
                case "slaDueAt" -> slaDueAt = readNullableInstant(in, INSTANT_FIELDS);
                case "ownerRepId" -> ownerRepId = readNullableString(in);
                case "ownerSince" -> ownerSince = readNullableInstant(in, INSTANT_FIELDS);
                case "decision" -> decision = DECISIONS[in.readEnum()];
                case "decidedAt" -> decidedAt = readNullableInstant(in, INSTANT_FIELDS);
                case "rejectionReason" -> rejectionReason = readNullableString(in);
                case "contacted" -> contacted = in.readBoolean();
                case "firstContactAt" -> firstContactAt = readNullableInstant(in, INSTANT_FIELDS);
                case "meeting" -> meeting = in.readBoolean();
                case "opportunity" -> opportunity = in.readBoolean();
                case "opportunityAt" -> opportunityAt = readNullableInstant(in, INSTANT_FIELDS);
                case "closing" -> closing = CLOSINGS[in.readEnum()];
                case "closedAt" -> closedAt = readNullableInstant(in, INSTANT_FIELDS);
                case "revenue" -> revenue = readNull(in) ? null : readMoney(in);
                case "ownerTeam" -> ownerTeam = readNullableString(in);
                default -> throw unknownField(field);
            }
        }
        return new LeadFunnel(leadId, campaignId, source, formId, landingPage, originTouch, firstSeenAt, capturedAt,
                touches, captured, qualified, qualifiedAt, handedOff, handedOffAt, slaDueAt, ownerRepId, ownerSince,
                decision, decidedAt, rejectionReason, contacted, firstContactAt, meeting, opportunity, opportunityAt,
                closing, closedAt, revenue, ownerTeam);
    }

    private static List<Touch> readTouches(Decoder in) throws IOException {
        List<Touch> touches = new ArrayList<>();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                int touch = 0;
                String campaignId = null;
                Instant occurredAt = null;
                for (Schema.Field field : fieldOrder(in, TOUCH_FIELDS)) {
                    switch (field.name()) {
                        case "touch" -> touch = in.readInt();
                        case "campaignId" -> campaignId = readNullableString(in);
                        case "occurredAt" -> occurredAt = readNullableInstant(in, INSTANT_FIELDS);
                        default -> throw unknownField(field);
                    }
                }
                touches.add(new Touch(touch, campaignId, occurredAt));
            }
        }
        return touches;
    }

    private static Money readMoney(Decoder in) throws IOException {
        BigInteger unscaled = BigInteger.ZERO;
        int scale = 0;
        String currency = null;
        for (Schema.Field field : fieldOrder(in, MONEY_FIELDS)) {
            switch (field.name()) {
                case "unscaled" -> unscaled = AvroState.readUnscaled(in);
                case "scale" -> scale = in.readInt();
                case "currency" -> currency = in.readString();
                default -> throw unknownField(field);
            }
        }
        return new Money(new BigDecimal(unscaled, scale), currency);
    }
}
