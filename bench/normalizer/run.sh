#!/usr/bin/env bash
# JMH benchmark of normalizer-service text repair + sanitizing (single thread).
# Usage: bench/normalizer/run.sh [extra JMH options]   (default: 2 forks x 3 iterations)
set -euo pipefail
cd "$(dirname "$0")/../.."
# The benchmark uses the module's jar from ~/.m2: install it first (tests skipped).
mvn -B -q -f normalizer-service/pom.xml install -DskipTests
mvn -B -q -f bench/normalizer/pom.xml package
cd bench/normalizer
java -cp "target/classes:target/lib/*" org.openjdk.jmh.Main \
  -f 2 -wi 2 -w 2s -i 3 -r 3s -t 1 "$@" RepairBenchmark
