#!/bin/sh
# Regenerates the captured DHCPv6 vectors in this directory from a real exchange between
# kea-dhcp6 2.2 (the "NGN" side) and dhcpcd 9.4 (the "CE" side) in two network namespaces.
# Not run by CI. Needs root, iproute2, kea-dhcp6, dhcpcd (dhcpcd-base), tcpdump, util-linux, python3 (stdlib only).
#
#   sudo tests/Gatewayd.Dhcp6.Tests/Captured/capture.sh [output-dir]
#
# Output: capture.pcap and one NN-<type>.hex file per DHCPv6 message (the UDP payload, hex, with '#' comment lines).
# The test expectations in CapturedVectorTests.cs (MACs, transaction ids, server DUID time) must be updated after a
# re-capture: xids and kea's DUID-LLT time differ on every run. The MACs below are fixed so the DUIDs are stable.
# Nothing is written outside a mktemp directory: kea runs with KEA_PIDFILE_DIR/KEA_LOCKFILE_DIR and a memfile there,
# dhcpcd runs in a private mount namespace with tmpfs over /run and /var/lib/dhcpcd.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}
TMP=$(mktemp -d /tmp/dhcp6-capture.XXXXXX)
NGN=cap-ngn-$$
CE=cap-ce-$$
NGN_MAC=02:00:00:00:47:01   # kea's DUID-LLT is built from this
CE_MAC=02:00:00:00:ce:01    # dhcpcd's DUID-LL is built from this
PIDS=""

cleanup() {
    for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
    sleep 1
    for pid in $PIDS; do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$NGN" 2>/dev/null || true
    ip netns del "$CE" 2>/dev/null || true
    if [ -z "${KEEP_TMP:-}" ]; then rm -rf "$TMP"; else echo "kept $TMP" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- topology: NGN [ngn0] <--veth--> [wan0] CE [lan0] <--veth--> [lan0p] -----------------------------------------
ip netns add "$NGN"
ip netns add "$CE"
for ns in "$NGN" "$CE"; do
    # No DAD, so link-locals are usable at once (no tentative-address wait before the first Solicit).
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
    ip -n "$ns" link set lo up
done
ip -n "$NGN" link add ngn0 address "$NGN_MAC" type veth peer name wan0 netns "$CE" address "$CE_MAC"
ip -n "$CE" link add lan0 type veth peer name lan0p
ip -n "$NGN" link set ngn0 up
for ifc in wan0 lan0 lan0p; do ip -n "$CE" link set "$ifc" up; done

# --- kea-dhcp6 on the NGN side -----------------------------------------------------------------------------------
cat > "$TMP/kea-dhcp6.json" <<JSON
{
  "Dhcp6": {
    "interfaces-config": { "interfaces": [ "ngn0" ] },
    "server-id": { "type": "LLT", "persist": false },
    "data-directory": "$TMP",
    "lease-database": { "type": "memfile", "persist": true, "name": "$TMP/kea-leases6.csv", "lfc-interval": 0 },
    "renew-timer": 4,
    "rebind-timer": 6,
    "preferred-lifetime": 8,
    "valid-lifetime": 10,
    "option-data": [
      { "name": "dns-servers", "data": "2400:4050:5c71::53" },
      { "name": "domain-search", "data": "example.jp" },
      { "name": "aftr-name", "data": "gw.example.jp", "always-send": true }
    ],
    "subnet6": [
      {
        "id": 1,
        "subnet": "2400:4050:5c71::/48",
        "interface": "ngn0",
        "pd-pools": [ { "prefix": "2400:4050:5c71:af00::", "prefix-len": 56, "delegated-len": 56 } ]
      }
    ],
    "loggers": [
      { "name": "kea-dhcp6", "output_options": [ { "output": "$TMP/kea.log" } ], "severity": "DEBUG", "debuglevel": 55 }
    ]
  }
}
JSON
KEA_PIDFILE_DIR=$TMP KEA_LOCKFILE_DIR=$TMP ip netns exec "$NGN" kea-dhcp6 -c "$TMP/kea-dhcp6.json" \
    >"$TMP/kea.out" 2>&1 &
PIDS="$PIDS $!"

# --- tcpdump on the CE's WAN link ---------------------------------------------------------------------------------
ip netns exec "$CE" tcpdump -i wan0 -n -U -Z root -w "$TMP/capture.pcap" 'udp port 546 or udp port 547' \
    >"$TMP/tcpdump.out" 2>&1 &
TCPDUMP=$!
PIDS="$PIDS $TCPDUMP"
sleep 3

# --- dhcpcd on the CE side: DUID-LL, IA_PD only, no RS (ia_pd forces DHCPv6 to start without an RA) --------------
# "vendorclassid" (empty) and the "option" line are Debian's stock /etc/dhcpcd.conf: the first suppresses the Vendor
# Class option, which would otherwise embed this host's kernel release; the second puts DNS_SERVERS (23) and
# DOMAIN_LIST (24) in the ORO. AFTR_NAME (64) is never requested: kea sends it only because of always-send.
cat > "$TMP/dhcpcd.conf" <<CONF
duid ll
ipv6only
noipv6rs
vendorclassid
option domain_name_servers, domain_name, domain_search
script /bin/true
allowinterfaces wan0 lan0
interface wan0
  ia_pd 1 lan0/0
CONF
# dhcpcd keeps its DUID, leases and control socket under /var/lib/dhcpcd and /run/dhcpcd: hide both behind tmpfs.
ip netns exec "$CE" unshare -m sh -c '
    mount --make-rprivate / &&
    mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /var/lib/dhcpcd &&
    exec dhcpcd -f "$1" -6 -B -d wan0' sh "$TMP/dhcpcd.conf" >"$TMP/dhcpcd.out" 2>&1 &
DHCPCD=$!
PIDS="$PIDS $DHCPCD"

# Solicit/Advertise/Request/Reply at once (dhcpcd delays the first Solicit by up to 1 s), then Renew/Reply every
# T1 = 4 s: two of them, at about +5 s and +9 s.
sleep 11
# Rebind (dhcpcd -n), then Release (dhcpcd -k), through the running dhcpcd's control socket, which lives in its
# private mount namespace; -6 because the socket of a -6 instance is wan0-6.sock. (dhcpcd turns them into SIGHUP and
# SIGALRM to the running daemon: "received SIGHUP, rebinding", "received SIGALRM, releasing".)
nsenter -t "$DHCPCD" -m -n timeout 10 dhcpcd -6 -n wan0 >>"$TMP/control.out" 2>&1 || true
sleep 3
nsenter -t "$DHCPCD" -m -n timeout 10 dhcpcd -6 -k wan0 >>"$TMP/control.out" 2>&1 || true
sleep 3
kill -INT "$TCPDUMP"
wait "$TCPDUMP" || true

cp "$TMP/capture.pcap" "$OUT/capture.pcap"
rm -f "$OUT"/[0-9][0-9]-*.hex

# --- extract each UDP payload (Ethernet / IPv6 / UDP, as a veth captures it) ---------------------------------------
python3 - "$TMP/capture.pcap" "$OUT" <<'PY'
import ipaddress, struct, sys

NAMES = {1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind", 7: "reply",
         8: "release", 9: "decline", 10: "reconfigure", 11: "information-request"}
pcap, out = sys.argv[1], sys.argv[2]
data = open(pcap, "rb").read()
magic = struct.unpack("<I", data[:4])[0]
endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
linktype = struct.unpack(endian + "I", data[20:24])[0]
assert linktype == 1, f"expected Ethernet captures, got linktype {linktype}"
pos, n, t0 = 24, 0, None
while pos + 16 <= len(data):
    sec, frac, incl, _ = struct.unpack(endian + "IIII", data[pos:pos + 16])
    frame = data[pos + 16:pos + 16 + incl]
    pos += 16 + incl
    if struct.unpack("!H", frame[12:14])[0] != 0x86DD:
        continue
    ip6 = frame[14:]
    if ip6[6] != 17:  # next header UDP; neither kea nor dhcpcd adds extension headers
        continue
    src, dst = ipaddress.IPv6Address(ip6[8:24]), ipaddress.IPv6Address(ip6[24:40])
    udp = ip6[40:]
    sport, dport, ulen = struct.unpack("!HHH", udp[:6])
    payload = udp[8:ulen]
    t = sec + frac / (1e9 if magic in (0xA1B23C4D, 0x4D3CB2A1) else 1e6)
    t0 = t if t0 is None else t0
    n += 1
    name = NAMES.get(payload[0], f"type{payload[0]}")
    with open(f"{out}/{n:02d}-{name}.hex", "w") as f:
        f.write(f"# {name}, t=+{t - t0:.3f}s, [{src}]:{sport} -> [{dst}]:{dport}, {len(payload)} bytes\n")
        f.write(f"# xid 0x{payload[1:4].hex()}\n")
        for i in range(0, len(payload), 32):
            f.write(payload[i:i + 32].hex() + "\n")
    print(f"{n:02d} t=+{t - t0:6.3f} {name:10s} xid={payload[1:4].hex()} {len(payload):4d} bytes {src} -> {dst}")
PY
