package dev.keeptrusts.export.sink;

import java.io.Serializable;

/** The fields that open every JSON export, as the documentation shows them. */
public record EnvelopeHeader(String exportId, String createdAt, String from, String to) implements Serializable {}
