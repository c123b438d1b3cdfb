package io.loadlens.server.api;

import io.loadlens.server.auth.Principal;

/** One authorised invocation: who calls, with which arguments, from where. */
public record Call(Principal principal, Args args, String address) {}
