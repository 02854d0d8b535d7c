#!/usr/bin/env bash
# Fault: losing the database. Promise: a backup restored into a fresh data directory (a fresh
# database) gives a Milieu that starts on it with the audit chain verifying and the same count of
# rows in every table as at the moment of the backup.
#
# Two cases, because the embedded server is PostgreSQL 17 from the zonky binaries, which ship no
# pg_dump, and the Debian pg_dump/pg_basebackup (15) refuse a 17 server ("server version mismatch",
# "incompatible server version 17.7"):
#  1. external PostgreSQL (production): Debian's PostgreSQL 15 server in a scratch cluster; Milieu
#     founds a program on it and records houses and beds through the API; pg_dump --format=custom of
#     the running install, of a snapshot a session exported and counted every table in; pg_restore
#     into a fresh cluster; Milieu started on the restored database.
#  2. embedded PostgreSQL (a trial install): the documented cold backup, Milieu stopped, the whole
#     data directory (cluster and audit checkpoint key) copied with tar, unpacked into a fresh
#     directory, Milieu started on it.
# In each case: every table's row count in the backup equals the source's, and after Milieu starts
# on the restored copy the audit chain verifies.
# Usage: bench/faults/backup.sh [--port 18220] [--data /tmp/faults-backup] [--only external|embedded]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
port=18220; data=/tmp/faults-backup; only=''
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=$2; shift 2 ;; --data) data=$2; shift 2 ;; --only) only=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
pgbin=${PG15_BIN:-/usr/lib/postgresql/15/bin}
rm -rf "$data"; mkdir -p "$data"; chmod 755 "$data"
failed=0
check() { if [ "$2" = yes ]; then echo "  PASS  $1"; else echo "  FAIL  $1"; failed=1; fi; }
as_pg() { runuser -u postgres -- "$@"; }
pg_started=()
cleanup() { for d in "${pg_started[@]}"; do as_pg "$pgbin/pg_ctl" -D "$d" -m fast stop >/dev/null 2>&1 || true; done; }
trap cleanup EXIT

# a scratch PostgreSQL 15 cluster owned by the postgres account (initdb refuses root)
new_cluster() {
  local dir=$1 pgport=$2
  mkdir -p "$dir"; chown postgres:postgres "$dir"
  as_pg "$pgbin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "-p $pgport -k /tmp -c listen_addresses=localhost" start >/dev/null
  pg_started+=("$dir")
}

# quick writes through the API so the install holds more than its first program: houses with beds
found_houses() {
  python3 - "$1" "$2" "$3" <<'PY'
import http.client, json, sys, os
sys.path.insert(0, os.environ["FAULTS_BENCH"])
from milieu_http import header, sign_in
port, user, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
jar = sign_in("localhost", port, user, "fault-suite-director-password")
ok = 0
for i in range(n):
    c = http.client.HTTPConnection("localhost", port, timeout=60)
    c.request("POST", "/api/v1/houses", json.dumps({"name": f"Backup House {i}", "kind": "MIXED", "beds": 6}),
              {"Cookie": header(jar), "X-XSRF-TOKEN": jar.get("XSRF-TOKEN", ""), "Content-Type": "application/json"})
    r = c.getresponse(); r.read(); ok += r.status == 201
print(ok)
PY
}

verification_as() {
  python3 - "$1" "$2" "$3" <<'PY'
import http.client, sys, os
sys.path.insert(0, os.environ["FAULTS_BENCH"])
from milieu_http import header, sign_in
port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
jar = sign_in("localhost", port, user, password)
c = http.client.HTTPConnection("localhost", port, timeout=600)
c.request("GET", "/api/v1/audit/verification", headers={"Cookie": header(jar), "Accept": "application/json"})
print(c.getresponse().read().decode())
PY
}

compare_counts() {  # compare_counts BEFORE AFTER LABEL
  local differ
  differ=$(diff "$1" "$2" | grep -c '^[<>]' || true)
  echo "  $(wc -l <"$1") tables, $(awk -F'\t' '{ s += $2 } END { print s }' "$1") rows at the backup; tables whose count differs in the restored copy: $differ"
  [ "$differ" = 0 ] || { diff "$1" "$2" | sed 's/^/    /' | head -20 || true; }
  check "$3: the same row count in every table" "$([ "$differ" = 0 ] && echo yes || echo no)"
}

if [ "$only" != embedded ]; then
  echo "== backup and restore, external PostgreSQL 15: pg_dump of a running install"
  src="$data/pg15-source"; dst="$data/pg15-restored"; sport=$((port + 5)); dport=$((port + 6))
  new_cluster "$src" $sport
  sql_as() { psql -X -q -h localhost -p "$1" -U postgres -d "${3:-milieu}" -At -c "$2"; }
  sql_as $sport "create role milieu_app login" postgres
  sql_as $sport "create database milieu encoding 'UTF8'" postgres
  export MILIEU_DB_URL="jdbc:postgresql://localhost:$sport/milieu" MILIEU_DB_USER=milieu_app MILIEU_DB_MIGRATION_USER=postgres \
    MILIEU_MFA_REQUIRED=false MILIEU_PROGRAM_NAME="Fault Suite" MILIEU_ADMIN_USERNAME=director \
    MILIEU_ADMIN_PASSWORD=fault-suite-director-password
  start_milieu "$data/app-external" "$port" "$data/external-source.log"; pid=$MILIEU_PID
  wait_up "$port" "$pid"
  echo "  houses founded through the API: $(FAULTS_BENCH="$root/bench" found_houses "$port" director 20)"
  echo "  source verification: $(FAULTS_BENCH="$root/bench" verification_as "$port" director fault-suite-director-password)"
  table_counts_as() { psql -X -q -h localhost -p "$1" -U postgres -d milieu -At -c "select table_name || E'\t' || (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name"; }
  # the dump is one consistent snapshot while Milieu goes on writing (its jobs do); to compare
  # counts exactly, a session exports its snapshot, counts every table in it, and pg_dump dumps
  # that same snapshot (--snapshot)
  coproc SNAP { psql -X -q -At -h localhost -p $sport -U postgres -d milieu 2>&1; }
  echo "begin isolation level repeatable read; select pg_export_snapshot();" >&"${SNAP[1]}"
  snapshot=''
  until [[ $snapshot =~ ^[0-9A-F]+-[0-9A-F]+-[0-9]+$ ]]; do read -r snapshot <&"${SNAP[0]}"; done
  echo "select table_name || E'\t' || (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name; select 'end-of-counts';" >&"${SNAP[1]}"
  : >"$data/external-before.tsv"
  while read -r line <&"${SNAP[0]}"; do [ "$line" = end-of-counts ] && break; echo "$line" >>"$data/external-before.tsv"; done
  t0=$SECONDS
  as_pg pg_dump --format=custom --snapshot="$snapshot" --host=localhost --port=$sport --username=postgres --dbname=milieu \
    --file=/tmp/faults-milieu.dump
  echo "commit;" >&"${SNAP[1]}"; eval "exec ${SNAP[1]}>&-"; wait "$SNAP_PID" 2>/dev/null || true
  mv /tmp/faults-milieu.dump "$data/milieu.dump"
  echo "  pg_dump of the running install (snapshot $snapshot): $(du -h "$data/milieu.dump" | cut -f1) in $((SECONDS - t0)) s"
  # the audit checkpoint key goes with the restored install, kept apart from the dump
  mkdir -p "$data/app-external-restored"; cp "$data/app-external/audit-checkpoint.key" "$data/app-external-restored/" 2>/dev/null || true
  stop_milieu "$pid"
  new_cluster "$dst" $dport
  sql_as $dport "create role milieu_app login" postgres
  sql_as $dport "create database milieu encoding 'UTF8'" postgres
  t0=$SECONDS
  chown postgres "$data/milieu.dump"
  as_pg pg_restore --host=localhost --port=$dport --username=postgres --dbname=milieu --exit-on-error "$data/milieu.dump"
  echo "  pg_restore into a fresh cluster: $((SECONDS - t0)) s"
  table_counts_as $dport >"$data/external-after.tsv"
  compare_counts "$data/external-before.tsv" "$data/external-after.tsv" "external, pg_dump/pg_restore"
  export MILIEU_DB_URL="jdbc:postgresql://localhost:$dport/milieu"
  start_milieu "$data/app-external-restored" "$port" "$data/external-restored.log"; pid=$MILIEU_PID
  wait_up "$port" "$pid"
  verification=$(FAULTS_BENCH="$root/bench" verification_as "$port" director fault-suite-director-password)
  echo "  Milieu on the restored database; audit chain: $verification"
  check "external: Milieu starts on the restored database and the audit chain verifies" \
    "$(echo "$verification" | grep -q '"intact":true' && echo yes || echo no)"
  houses=$(psql -X -q -h localhost -p $dport -U postgres -d milieu -At -c "select count(*) from residents_house")
  check "external: the houses are there after the start ($houses)" "$([ "$houses" = "$(grep -P '^residents_house\t' "$data/external-before.tsv" | cut -f2)" ] && echo yes || echo no)"
  stop_milieu "$pid"
  unset MILIEU_DB_URL MILIEU_DB_USER MILIEU_DB_MIGRATION_USER MILIEU_MFA_REQUIRED MILIEU_PROGRAM_NAME MILIEU_ADMIN_USERNAME MILIEU_ADMIN_PASSWORD
fi

if [ "$only" != external ]; then
  echo "== backup and restore, embedded PostgreSQL 17: cold copy of the data directory"
  start_milieu "$data/embedded" "$port" "$data/embedded-source.log"; pid=$MILIEU_PID
  wait_up "$port" "$pid"
  # audited writes first, so the chain to verify after the restore is more than the demo's
  python3 "$(dirname "$0")/writers.py" --base "http://localhost:$port" --acked "$data/embedded-acked.txt" --seconds 10 >/dev/null
  echo "  observation checks recorded through the API: $(wc -l <"$data/embedded-acked.txt")"
  echo "  source verification: $(FAULTS_BENCH="$root/bench" audit_verification "$port")"
  # the PostgreSQL 17 binaries Milieu unpacked, to count rows in a stopped copy without Milieu
  pg17=$(dirname "$(ps -o args= -p "$(pg_pid "$data/embedded")" | cut -d' ' -f1)")
  stop_milieu "$pid"
  t0=$SECONDS
  tar -C "$data" -czf "$data/embedded-backup.tar.gz" embedded
  echo "  tar of the stopped data directory: $(du -h "$data/embedded-backup.tar.gz" | cut -f1) in $((SECONDS - t0)) s"
  mkdir -p "$data/restored"; tar -C "$data/restored" -xzf "$data/embedded-backup.tar.gz"
  # as zonky does when run as root: the server in a user namespace of its own
  counts17() {
    unshare -U "$pg17/pg_ctl" -D "$1/postgres" -w -o "-p $2 -c listen_addresses=localhost" -l "$data/count-server.log" start >/dev/null
    table_counts "$2" >"$3"
    unshare -U "$pg17/pg_ctl" -D "$1/postgres" -w -m fast stop >/dev/null
  }
  counts17 "$data/embedded" $((port + 7)) "$data/embedded-before.tsv"
  counts17 "$data/restored/embedded" $((port + 7)) "$data/embedded-after.tsv"
  compare_counts "$data/embedded-before.tsv" "$data/embedded-after.tsv" "embedded, cold copy"
  start_milieu "$data/restored/embedded" "$port" "$data/embedded-restored.log"; pid=$MILIEU_PID
  wait_up "$port" "$pid"
  verification=$(FAULTS_BENCH="$root/bench" audit_verification "$port")
  echo "  Milieu on the restored directory; audit chain: $verification"
  check "embedded: Milieu starts on the restored directory and the audit chain verifies" \
    "$(echo "$verification" | grep -q '"intact":true' && echo yes || echo no)"
  stop_milieu "$pid"
fi
exit $failed
