/** Throughput benchmark of VEE over synthetic fleets generated in-process. */
package io.loadlens.vee.bench;
