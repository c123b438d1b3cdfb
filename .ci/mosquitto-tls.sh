#!/usr/bin/env bash
# Starts a second Mosquitto instance with TLS for the loadlens-transport integration tests:
#   127.0.0.1:8883  TLS 1.2/1.3, server certificate only (clients verify it with ca.pem)
#   127.0.0.1:8884  TLS, client certificate required (mutual TLS)
# Certificates (CA, server for 127.0.0.1/localhost, client; EC P-256, keys PKCS#8 PEM) are made
# with openssl into $LOADLENS_MQTT_TLS_DIR (default /tmp/loadlens-mqtt-tls), with start.sh to
# (re)start the instance. The system Mosquitto on 1883 is not touched. Always exits 0: without
# mosquitto or openssl the tests fall back to the embedded HiveMQ broker.
set -u
DIR="${LOADLENS_MQTT_TLS_DIR:-/tmp/loadlens-mqtt-tls}"

command -v mosquitto >/dev/null 2>&1 || { echo "mosquitto-tls: mosquitto not installed, skipped"; exit 0; }
command -v openssl >/dev/null 2>&1 || { echo "mosquitto-tls: openssl not installed, skipped"; exit 0; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if port_open 8883 && [ -f "$DIR/ca.pem" ]; then
  echo "mosquitto-tls: already running on 127.0.0.1:8883 ($DIR)"
  exit 0
fi

mkdir -p "$DIR/data" || exit 0
cd "$DIR" || exit 0

make_certs() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key &&
  openssl req -x509 -new -key ca.key -days 3650 -subj "/CN=loadlens test CA" -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" &&
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server.key &&
  openssl req -new -key server.key -subj "/CN=localhost" -out server.csr &&
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > server.ext &&
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 -extfile server.ext -out server.pem &&
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client.key &&
  openssl req -new -key client.key -subj "/CN=loadlens-test-client" -out client.csr &&
  printf 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n' > client.ext &&
  openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 -extfile client.ext -out client.pem
}

if [ ! -f ca.pem ] || [ ! -f client.pem ]; then
  make_certs >"$DIR/openssl.log" 2>&1 || { echo "mosquitto-tls: openssl failed, see $DIR/openssl.log"; exit 0; }
fi
chmod 644 ./*.pem ./*.key 2>/dev/null

cat > mosquitto.conf <<CONF
# loadlens-transport test broker (second instance; the system one keeps 1883)
pid_file $DIR/mosquitto.pid
user root
persistence true
persistence_location $DIR/data/
autosave_interval 1
log_dest file $DIR/mosquitto.log
log_type error
log_type warning
log_type notice
connection_messages true
per_listener_settings false
allow_anonymous true
# queue everything for offline persistent sessions (the default of 1000 would drop readings)
max_queued_messages 0
max_inflight_messages 200
message_size_limit 2097152

listener 8883 127.0.0.1
cafile $DIR/ca.pem
certfile $DIR/server.pem
keyfile $DIR/server.key
tls_version tlsv1.2
require_certificate false

listener 8884 127.0.0.1
cafile $DIR/ca.pem
certfile $DIR/server.pem
keyfile $DIR/server.key
tls_version tlsv1.2
require_certificate true
CONF

cat > start.sh <<START
#!/usr/bin/env bash
# (Re)starts the loadlens TLS test broker if it is not running.
(exec 3<>/dev/tcp/127.0.0.1/8883) 2>/dev/null && exit 0
mosquitto -d -c "$DIR/mosquitto.conf" || exit 1
for _ in \$(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/8883) 2>/dev/null && exit 0; sleep 0.1; done
exit 1
START
chmod +x start.sh

if bash start.sh; then
  echo "mosquitto-tls: started on 127.0.0.1:8883 (TLS) and 8884 (mutual TLS), certificates in $DIR"
else
  echo "mosquitto-tls: mosquitto did not start, see $DIR/mosquitto.log; tests use the embedded broker"
fi
exit 0
