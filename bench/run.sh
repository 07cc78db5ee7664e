#!/usr/bin/env bash
# Runs every benchmark and rewrites docs/performance.md and docs/performance.svg.
#
#   bash bench/run.sh            # the full run (every peer and the profiles; on an idle 2-core machine 31 minutes
#                                 # with --warmup 8, 54 with --forks 2 --warmup 6 or --rounds 2 --warmup 6, less with
#                                 # the defaults)
#   bash bench/run.sh --quick    # a rough pass: fewer, shorter iterations
#   bash bench/run.sh [--quick] [BenchMain options...]   e.g. --workloads W1,W3 --databases sqlite
#   bash bench/run.sh --rounds 2 --warmup 6              # the whole selection twice in turn, iterations pooled
#
# Builds the bench module and the two startup applications (Maven profile startup-apps), then starts
# dev.alchemy.bench.BenchMain on the bench module's classpath. Needs only a JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
if [[ "${1:-}" == "--quick" ]]; then
  shift
  args+=(--warmup 1 --iterations 3 --startup-runs 3 --note "A quick run: 1 warm-up and 3 measured iterations per benchmark.")
fi

mvn -B -q -Pstartup-apps package -DskipTests -pl bench,bench/apps/alchemy-app,bench/apps/jpa-app -am

cp="bench/target/classes:$(cat bench/target/classpath.txt)"
for app in alchemy-app jpa-app; do
  echo "$PWD/bench/apps/$app/target/classes:$(cat bench/apps/$app/target/classpath.txt)" > "bench/apps/$app/target/run-classpath.txt"
done

exec java -Xms1g -Xmx2g -cp "$cp" dev.alchemy.bench.BenchMain \
  --alchemy-app "bench/apps/alchemy-app/target/run-classpath.txt@dev.alchemy.bench.startup.alchemy.AlchemyStartupApplication" \
  --jpa-app "bench/apps/jpa-app/target/run-classpath.txt@dev.alchemy.bench.startup.jpa.JpaStartupApplication" \
  --output docs/performance.md \
  "${args[@]}" "$@"
