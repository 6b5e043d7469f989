package org.callbackladder.web;

/** One broken rule on one input field, as reported in a problem+json body. */
public record FieldProblem(String field, String rule, String message) {}
