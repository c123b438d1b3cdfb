/**
 * The vocabulary every loadlens module shares: meters, OBIS codes, units, interval series and
 * reading batches, quality flags and the operator error codes. No dependencies beyond the JDK.
 */
package io.loadlens.model;
