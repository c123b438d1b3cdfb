# Sourced by ./mvnw, ./loadlens and .ci/run: sets LOADLENS_JAVA_HOME to a JDK 21 or newer.
# Looks at $JAVA_HOME, then the `java` on the PATH, then the JVM folders of the system.
# Prints a clear message and returns 1 when no JDK 21+ is found.

loadlens_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

loadlens_find_jdk() {
  local candidates=() dir java major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for dir in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    java="$dir/bin/java"
    [ -x "$java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(loadlens_java_major "$java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      LOADLENS_JAVA_HOME="$dir"
      export LOADLENS_JAVA_HOME
      return 0
    fi
  done
  echo "loadlens: no JDK 21 or newer found (looked at JAVA_HOME, the javac on the PATH and /usr/lib/jvm)." >&2
  echo "loadlens: install one (e.g. 'apt install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  return 1
}
