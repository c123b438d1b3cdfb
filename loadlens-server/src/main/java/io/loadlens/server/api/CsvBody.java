package io.loadlens.server.api;

/** A CSV document an operation returns; REST sends it as {@code text/csv}. */
public record CsvBody(String filename, String csv) {}
