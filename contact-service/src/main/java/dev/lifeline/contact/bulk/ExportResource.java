package dev.lifeline.contact.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ConsentStates;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.profile.ContactLister;
import dev.lifeline.contact.profile.ContactQuery;
import dev.lifeline.contact.profile.ContactView;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Streams all of a tenant's contacts as CSV or JSON, a page at a time: memory stays flat for any list size. */
@Path("/api/v1/contacts/export")
@RequiresTenant
public class ExportResource {

    private static final int PAGE = ContactQuery.MAX_LIMIT;
    static final String HEADER =
            "id,name,email,phone,tags,locale,time_zone,source,email_consent,sms_consent,whatsapp_consent,channel_order,updated_at";

    @Inject
    CurrentTenant tenant;

    @Inject
    ContactLister lister;

    @GET
    public Response export(@QueryParam("format") String format) {
        UUID tenantId = UUID.fromString(tenant.id());
        String kind = format == null ? "csv" : format;
        return switch (kind) {
            case "csv" ->
                Response.ok(csv(tenantId), "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
                        .build();
            case "json" ->
                Response.ok(json(tenantId), "application/json")
                        .header("Content-Disposition", "attachment; filename=\"contacts.json\"")
                        .build();
            default -> throw new InvalidFieldException("format", "must be csv or json");
        };
    }

    private StreamingOutput csv(UUID tenantId) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
            w.write(HEADER);
            w.write("\r\n");
            forEachPage(tenantId, page -> {
                for (Contact c : page) {
                    w.write(String.join(
                            ",",
                            c.id.toString(),
                            cell(c.name),
                            cell(c.email),
                            cell(c.phone),
                            cell(String.join(";", c.tagList())),
                            cell(c.locale),
                            cell(c.timeZone),
                            cell(c.source),
                            ConsentStates.format(c.consent(ContactChannel.EMAIL)),
                            ConsentStates.format(c.consent(ContactChannel.SMS)),
                            ConsentStates.format(c.consent(ContactChannel.WHATSAPP)),
                            cell(c.channelOrder),
                            c.updatedAt.toString()));
                    w.write("\r\n");
                }
            });
            w.flush();
        };
    }

    private StreamingOutput json(UUID tenantId) {
        return out -> {
            JsonGenerator g = EventCodec.mapper().getFactory().createGenerator(out);
            g.writeStartArray();
            forEachPage(tenantId, page -> {
                for (Contact c : page) {
                    EventCodec.mapper().writeValue(g, ContactView.of(c));
                }
            });
            g.writeEndArray();
            g.flush();
        };
    }

    interface PageWriter {
        void write(List<Contact> page) throws IOException;
    }

    private void forEachPage(UUID tenantId, PageWriter writer) throws IOException {
        String cursor = null;
        do {
            ContactQuery query = ContactQuery.parse(cursor, PAGE, null, null, null, null);
            ContactLister.Page page = QuarkusTransaction.requiringNew().call(() -> lister.list(tenantId, query));
            writer.write(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** RFC 4180 quoting, and a leading apostrophe where a spreadsheet would run the cell as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '='
                || first == '@'
                || first == '\t'
                || ((first == '+' || first == '-') && !v.matches("[+-][0-9 ]+"))) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
