/** VEE internals: the interval grid, the checks and the estimators. Not a public API. */
package io.loadlens.vee.internal;
