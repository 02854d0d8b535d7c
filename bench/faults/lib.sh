# Shared by the bench/faults scripts (sourced). Starts and stops scratch Milieu installs, finds
# the embedded PostgreSQL's port, runs SQL, asks the API. Needs java, curl, psql and python3.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar=${MILIEU_JAR:-$root/target/milieu.jar}

# start_milieu DATA_DIR PORT LOG [extra args...]: starts the jar in the background (own session);
# sets MILIEU_PID. The embedded PostgreSQL keeps its cluster in DATA_DIR/postgres.
start_milieu() {
  local data=$1 port=$2 log=$3; shift 3
  MILIEU_DATA_DIR="$data" setsid java -jar "$jar" --server.port="$port" "$@" >>"$log" 2>&1 &
  MILIEU_PID=$!
}

# wait_up PORT PID [SECONDS]: waits until /actuator/health says UP; fails when the process dies.
wait_up() {
  local port=$1 pid=$2 limit=${3:-400} t0=$SECONDS
  until curl -sf "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "Milieu (pid $pid) died while starting" >&2; return 1; }
    [ $((SECONDS - t0)) -lt "$limit" ] || { echo "Milieu not up after $limit s" >&2; return 1; }
    sleep 1
  done
}

# stop_milieu PID: an orderly stop (SIGTERM), waiting for the process to end.
stop_milieu() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  echo "Milieu (pid $pid) did not stop in 60 s" >&2; return 1
}

# pg_port DATA_DIR: the port of the embedded server running on DATA_DIR/postgres.
pg_port() { sed -n 4p "$1/postgres/postmaster.pid"; }

# pg_pid DATA_DIR: the pid of the embedded server, if its pid file is there.
pg_pid() { [ -f "$1/postgres/postmaster.pid" ] && sed -n 1p "$1/postgres/postmaster.pid"; }

# sql PORT QUERY: one query as the owner, unaligned output.
sql() { psql -X -q -h localhost -p "$1" -U "${PGUSER_FAULTS:-postgres}" -d milieu -At -c "$2"; }

# table_counts PORT: "table<TAB>rows" for every table of the schema, in name order.
table_counts() {
  sql "$1" "select table_name || E'\t' || (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text
              from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name"
}

# audit_verification PORT: the director's GET /api/v1/audit/verification, as JSON.
audit_verification() {
  python3 - "$1" <<'PY'
import http.client, sys, os
sys.path.insert(0, os.environ["FAULTS_BENCH"])
from milieu_http import header, sign_in
port = int(sys.argv[1])
jar = sign_in("localhost", port, "director")
c = http.client.HTTPConnection("localhost", port, timeout=600)
c.request("GET", "/api/v1/audit/verification", headers={"Cookie": header(jar), "Accept": "application/json"})
r = c.getresponse(); print(r.read().decode())
PY
}
export FAULTS_BENCH="$root/bench"
