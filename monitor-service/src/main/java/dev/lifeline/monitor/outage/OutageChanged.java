package dev.lifeline.monitor.outage;

/** CDI event fired inside the transaction that changed an outage; observers act after commit. */
public record OutageChanged(String kind, OutageView outage) {}
