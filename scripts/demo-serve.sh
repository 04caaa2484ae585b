#!/usr/bin/env bash
# Serve the demo store: create an admin token, start the service, start a detection run,
# and print the URL and the token. Ctrl-C stops the service.
set -euo pipefail
DEMO=${DEMO:-demo-out}
PORT=${PORT:-8000}
FG=.venv/bin/frontierguard
DB="$DEMO/frontierguard.duckdb"
TOKEN=$($FG tokens create --role admin --name demo --db "$DB")
$FG -q serve --db "$DB" --port "$PORT" --runs-dir "$DEMO/runs" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.1
done
RELEASES=$(python3 -c 'import json,sys; print(json.dumps({"releases_csv": open(sys.argv[1]).read()}))' "$DEMO/sim/releases.csv")
curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/detections" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$RELEASES" >/dev/null
echo "frontierguard is serving the demo store at http://127.0.0.1:$PORT/"
echo "sign in with this admin token: $TOKEN"
echo "(a detection run was started; its campaigns appear on the front page when it finishes)"
wait $SERVER
