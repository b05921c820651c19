package dev.lifeline.outreach.run;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.outreach.contacts.ProjectedContact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who a run messages. A contact is reached once per incident, on the first channel of their own preference order
 * that they confirmed, that the business has a campaign for, and that is not the platform that is down.
 */
public final class AudiencePlanner {

    /** Preference used when a contact stated none. */
    static final List<ContactChannel> DEFAULT_ORDER =
            List.of(ContactChannel.EMAIL, ContactChannel.SMS, ContactChannel.WHATSAPP);

    private AudiencePlanner() {}

    /**
     * @param runChannel       the channel of the run being planned
     * @param offeredChannels  channels the tenant has an active campaign on for this incident
     * @param downPlatforms    platforms that are down or share the incident's platform group (their own channel, e.g.
     *                         WhatsApp, is never used); empty for none
     * @param requiredTags     contacts must carry all of these (empty: everyone)
     * @param alreadyNotified  contacts that already got a message for this platform within the window
     */
    public static List<String> plan(
            Collection<ProjectedContact> contacts,
            ContactChannel runChannel,
            Set<ContactChannel> offeredChannels,
            Collection<String> downPlatforms,
            Collection<String> requiredTags,
            Set<String> alreadyNotified) {
        List<String> out = new ArrayList<>();
        for (ProjectedContact c : contacts) {
            if (includes(c, runChannel, offeredChannels, downPlatforms, requiredTags, alreadyNotified)) {
                out.add(c.contactId());
            }
        }
        return out;
    }

    /** Whether one contact belongs to the run's audience (see {@link #plan}). */
    public static boolean includes(
            ProjectedContact c,
            ContactChannel runChannel,
            Set<ContactChannel> offeredChannels,
            Collection<String> downPlatforms,
            Collection<String> requiredTags,
            Set<String> alreadyNotified) {
        return !alreadyNotified.contains(c.contactId())
                && c.tags().containsAll(requiredTags)
                && chosenChannel(c, offeredChannels, downChannel(downPlatforms)) == runChannel;
    }

    static ContactChannel chosenChannel(ProjectedContact c, Set<ContactChannel> offered, ContactChannel down) {
        List<ContactChannel> order = new ArrayList<>(c.channelOrder());
        for (ContactChannel d : DEFAULT_ORDER) {
            if (!order.contains(d)) {
                order.add(d);
            }
        }
        for (ContactChannel ch : order) {
            if (ch != down && offered.contains(ch) && c.confirmed(ch) && reachable(c, ch)) {
                return ch;
            }
        }
        return null;
    }

    private static boolean reachable(ProjectedContact c, ContactChannel ch) {
        return switch (ch) {
            case EMAIL -> c.email() != null && !c.email().isBlank();
            case SMS, WHATSAPP -> c.phone() != null && !c.phone().isBlank();
        };
    }

    /** The contact channel that runs over one of these platforms, if any. */
    static ContactChannel downChannel(Collection<String> platformIds) {
        return platformIds.contains(CatalogPlatforms.WHATSAPP) ? ContactChannel.WHATSAPP : null;
    }
}
