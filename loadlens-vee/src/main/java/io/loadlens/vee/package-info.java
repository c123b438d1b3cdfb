/**
 * Validation, estimation and editing (VEE) of interval data: pure computation over primitive
 * arrays, no I/O. Entry point {@link io.loadlens.vee.VeeEngine}; manual edits through {@link
 * io.loadlens.vee.VeeEditor}. Everything under {@code io.loadlens.vee.internal} may change without
 * notice.
 */
package io.loadlens.vee;
