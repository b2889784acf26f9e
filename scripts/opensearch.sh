#!/usr/bin/env bash
# Starts or stops a throwaway single-node OpenSearch (or Elasticsearch) on 127.0.0.1 for tests.
#
#   scripts/opensearch.sh start DIR   fetch (cached in ~/.m2), unzip into DIR, start at a free port,
#                                     wait until it answers; the URL is the last line of stdout
#   scripts/opensearch.sh stop DIR    end the node (DIR/node.pid) and remove DIR
#
# The node is the "integ-test" zip that OpenSearch and Elasticsearch publish to Maven Central: the
# server with the HTTP transport module only (no security, no plugins). Environment:
#   ES_FLAVOR=opensearch (default) | elasticsearch
#   OPENSEARCH_VERSION (default 2.19.4), ELASTICSEARCH_VERSION (default 7.17.0)
#   NODE_START_TIMEOUT seconds to wait for the first answer (default 180: busy machines are slow)
#   JAVA_HOME  a JDK/JRE 17+ (default: the one `java` on PATH belongs to)
# Run as root, the node runs as the system user klaxon-os (made when missing): neither server
# accepts root.
set -euo pipefail

FLAVOR="${ES_FLAVOR:-opensearch}"
RUN_USER=klaxon-os

die() { echo "opensearch.sh: $*" >&2; exit 1; }

free_port() {
  # Asks the kernel for a free port; a tiny race with other programs is accepted for a test node.
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  command -v java >/dev/null || die "no java on PATH: install a JDK 17+ (Debian: openjdk-17-jre-headless)"
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

artifact() {
  case "$FLAVOR" in
    opensearch) echo "org.opensearch.distribution.integ-test-zip:opensearch:${OPENSEARCH_VERSION:-2.19.4}:zip" ;;
    elasticsearch) echo "org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ELASTICSEARCH_VERSION:-7.17.0}:zip" ;;
    *) die "ES_FLAVOR must be opensearch or elasticsearch, not $FLAVOR" ;;
  esac
}

fetch_zip() {
  local coords="$1" group name version path
  IFS=: read -r group name version _ <<<"$coords"
  path="$HOME/.m2/repository/${group//.//}/$name/$version/$name-$version.zip"
  if [ ! -f "$path" ]; then
    command -v mvn >/dev/null || die "no mvn on PATH: install Maven (Debian: maven)"
    mvn -q -B dependency:get -Dartifact="$coords" -Dtransitive=false >&2 || die "could not fetch $coords"
  fi
  [ -f "$path" ] || die "$coords was fetched but $path is missing"
  echo "$path"
}

as_runner() {
  if [ "$(id -u)" = 0 ]; then
    id "$RUN_USER" >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin "$RUN_USER"
    chown -R "$RUN_USER" "$DIR"
    su -s /bin/bash "$RUN_USER" -c "$1"
  else
    bash -c "$1"
  fi
}

start() {
  mkdir -p "$DIR"
  DIR="$(cd "$DIR" && pwd)"
  [ ! -f "$DIR/node.pid" ] || die "$DIR already holds a node (node.pid): stop it first"
  local zip home http transport bin prefix jhome
  zip="$(fetch_zip "$(artifact)")"
  rm -rf "$DIR/dist" && mkdir -p "$DIR/dist" "$DIR/data" "$DIR/logs"
  unzip -q "$zip" -d "$DIR/dist"
  home="$(find "$DIR/dist" -mindepth 1 -maxdepth 1 -type d | head -1)"
  http="$(free_port)"
  transport="$(free_port)"
  jhome="$(java_home)"
  if [ "$FLAVOR" = opensearch ]; then
    bin="$home/bin/opensearch" prefix="OPENSEARCH"
  else
    bin="$home/bin/elasticsearch" prefix="ES"
  fi
  local settings="-E discovery.type=single-node -E network.host=127.0.0.1 -E http.port=$http"
  settings+=" -E transport.port=$transport -E path.data=$DIR/data -E path.logs=$DIR/logs"
  settings+=" -E cluster.routing.allocation.disk.threshold_enabled=false"
  # Elasticsearch 8 turns security (TLS, passwords) on by itself; these test nodes are plain HTTP.
  # Elasticsearch 8 turns security (TLS, passwords) on by itself; these test nodes are plain HTTP,
  # without security unless ES_PASSWORD is set: then user `elastic` has that password (no TLS).
  case "$FLAVOR:${ELASTICSEARCH_VERSION:-7.17.0}" in
    elasticsearch:[89].* | elasticsearch:1[0-9].*)
      if [ -n "${ES_PASSWORD:-}" ]; then
        settings+=" -E xpack.security.enabled=true -E xpack.security.http.ssl.enabled=false"
        settings+=" -E xpack.security.transport.ssl.enabled=false -E xpack.security.enrollment.enabled=false"
        as_runner "'$home/bin/elasticsearch-keystore' create >/dev/null 2>&1 || true; printf '%s' '$ES_PASSWORD' | ES_JAVA_HOME='$jhome' '$home/bin/elasticsearch-keystore' add -x -f bootstrap.password" >&2 ||
          die "could not store the bootstrap password"
      else
        settings+=" -E xpack.security.enabled=false"
      fi
      ;;
  esac
  local env="${prefix}_JAVA_HOME=$jhome ${prefix}_JAVA_OPTS='-Xms512m -Xmx512m'"
  as_runner "cd '$DIR' && $env '$bin' -d -p '$DIR/node.pid' $settings >'$DIR/logs/stdout.log' 2>&1" ||
    { tail -n 40 "$DIR/logs/stdout.log" >&2 || true; die "the node did not start"; }
  local url="http://127.0.0.1:$http" deadline=$((SECONDS + ${NODE_START_TIMEOUT:-180}))
  local auth=()
  [ -n "${ES_PASSWORD:-}" ] && auth=(-u "elastic:$ES_PASSWORD")
  until curl -sf "${auth[@]}" "$url/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null 2>&1; do
    if [ -f "$DIR/node.pid" ] && ! kill -0 "$(cat "$DIR/node.pid")" 2>/dev/null; then
      tail -n 40 "$DIR/logs/stdout.log" >&2 || true
      die "the node at $url ended before answering (log tail above)"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$DIR"/logs/*.log >&2 || true
      die "no answer from $url within ${NODE_START_TIMEOUT:-180} s (log tail above)"
    fi
    sleep 1
  done
  echo "$url"
}

stop() {
  [ -d "$DIR" ] || return 0
  if [ -f "$DIR/node.pid" ]; then
    local pid deadline=$((SECONDS + 30))
    pid="$(cat "$DIR/node.pid")"
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}

[ $# -eq 2 ] || die "usage: opensearch.sh start|stop DIR"
DIR="$2"
case "$1" in
  start) start ;;
  stop) stop ;;
  *) die "usage: opensearch.sh start|stop DIR" ;;
esac
