#!/usr/bin/env bash
# kt: runs kt-export, building its jar first when it is missing or older than the sources.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$here/target/kt-export.jar"

if [[ ! -f "$jar" || -n "$(find "$here/pom.xml" "$here/src/main" -newer "$jar" -print -quit)" ]]; then
  echo "kt: building kt-export (first run or sources changed)..." >&2
  if ! (cd "$here" && mvn -B -q -DskipTests package >"$here/target-build.log" 2>&1); then
    echo "kt: build failed; see $here/target-build.log" >&2
    exit 1
  fi
  rm -f "$here/target-build.log"
fi

# Spark on Java 17 needs sun.nio.ch opened; harmless for the other runners.
exec java --add-opens=java.base/sun.nio.ch=ALL-UNNAMED ${KT_JAVA_OPTS:-} -jar "$jar" "$@"
