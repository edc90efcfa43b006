/**
 * JMH benchmarks. Build with {@code ./mvnw -pl bench -am package -DskipTests} and run
 * {@code java -jar bench/target/benchmarks.jar}; record results in {@code docs/benchmarks.md}.
 * {@link io.keyward.bench.AuditAppendLoad} is a plain main (sustained audit appends per second on
 * SQLite and an embedded PostgreSQL); its class comment says how to run it.
 */
package io.keyward.bench;
