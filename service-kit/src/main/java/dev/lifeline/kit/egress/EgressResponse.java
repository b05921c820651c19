package dev.lifeline.kit.egress;

/** A response's status and its body, cut at the request's cap. */
public record EgressResponse(int status, byte[] body) {}
