/**
 * JMH benchmarks. Build with {@code ./mvnw -pl bench -am package -DskipTests} and run
 * {@code java -jar bench/target/benchmarks.jar}; record results in {@code docs/benchmarks.md}.
 */
package io.keyward.bench;
