/** Accuracy evaluation of VEE estimation on real household load data (reads ../shared/data). */
package io.loadlens.vee.eval;
