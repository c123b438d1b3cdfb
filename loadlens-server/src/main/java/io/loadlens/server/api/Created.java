package io.loadlens.server.api;

/** A result that created something; REST answers 201 with the body. */
public record Created(Object body) {}
