package io.loadlens.vee.eval;

/**
 * One household's true interval energy on a regular grid: {@code truth[i]} Wh in the interval
 * starting {@code from + i*step} (epoch seconds, naive local time read as UTC); NaN where the data
 * set has no value.
 */
record Household(String id, long from, int step, double[] truth) {}
