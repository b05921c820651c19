package dev.lifeline.contact.subjectaccess;

import java.net.URI;
import java.time.Duration;

/** Where contact-service asks outreach-service what it holds about a contact, and how long it waits for the answer. */
record OutreachLink(URI url, Duration timeout) {}
