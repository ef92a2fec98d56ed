#!/usr/bin/env python3
"""Builds a namespace with known state and captures the kernel's replies to iproute2 dumps via strace -e read=."""
import os, re, socket, struct, subprocess, sys

NS = "gwnl-fixture"
OUT = sys.argv[1]  # usage (root): python3 capture.py tests/Gatewayd.Netlink.Tests/Fixtures

def sh(cmd, check=True):
    return subprocess.run(cmd, shell=True, check=check, capture_output=True, text=True)

def ipn(args):
    r = sh(f"ip -n {NS} {args}", check=False)
    if r.returncode: raise SystemExit(f"ip {args}: {r.stderr}")

sh(f"ip netns del {NS}", check=False)
sh(f"ip netns add {NS}")
try:
    ipn("link add veth0 type veth peer name veth1")
    ipn("link set lo up"); ipn("link set veth0 up"); ipn("link set veth1 up")
    ipn("addr add 192.0.2.1/32 dev veth0")
    ipn("addr add 198.51.100.2/24 dev veth0")
    # IFA_PROTO: iproute2 6.1 cannot set it; send RTM_NEWADDR from python inside the namespace.
    import ctypes; fd = os.open(f"/run/netns/{NS}", os.O_RDONLY); assert ctypes.CDLL(None, use_errno=True).setns(fd, 0x40000000) == 0
    idx = socket.if_nametoindex("veth0")
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0); s.bind((0, 0))
    addr = socket.inet_pton(socket.AF_INET6, "2001:db8:1::1")
    def attr(t, v):
        l = 4 + len(v); return struct.pack("HH", l, t) + v + b"\0" * ((4 - l % 4) % 4)
    body = struct.pack("BBBBI", 10, 128, 0x02, 0, idx) + attr(1, addr) + attr(8, struct.pack("I", 0x02)) + attr(11, b"\x9d")
    msg = struct.pack("IHHII", 16 + len(body), 20, 0x1 | 0x4 | 0x400 | 0x200, 1, 0) + body
    s.send(msg); r = s.recv(4096); err = struct.unpack_from("i", r, 16)[0]
    if err: raise SystemExit(f"RTM_NEWADDR errno {-err}")
    ipn("route add default via 198.51.100.1 dev veth0 proto 0x9d metric 100")
    ipn("route add unreachable 2001:db8:2::/56 proto 0x9d")
    ipn("-6 route add default via fe80::1 dev veth0 proto ra metric 1024 expires 600")
    ipn("rule add pref 1000 fwmark 0x10/0xff table 100 protocol 0x9d")
    ipn("-6 rule add pref 1001 iif veth0 table 2000 protocol 0x9d")
finally:
    pass

def capture(name, args, what="read"):
    log = f"/tmp/{name}.strace"
    subprocess.run(f"strace -o {log} -e trace=recvmsg,sendmsg -e {what}=all -xx ip {args}", shell=True, capture_output=True)
    datagrams, cur = [], None
    for line in open(log):
        if re.match(r"^\s*\* \d+ bytes in buffer", line):
            cur = bytearray(); datagrams.append(cur); continue
        m = re.match(r"^\s*\| [0-9a-f]{5}  ((?:[0-9a-f]{2} ?\s?)+)", line)
        if m and cur is not None:
            cur += bytes.fromhex(m.group(1).replace(" ", ""))
    with open(os.path.join(OUT, name + ".hex"), "w") as f:
        f.write(f"# Kernel {os.uname().release} replies to `ip {args}`, captured with strace -e read=all.\n" if what == "read" else f"# What iproute2 {sh('ip -V').stdout.split()[2]} sends for `ip {args}`, captured with strace -e write=all.\n")
        f.write("# Netns state: see capture.py in the test project's Fixtures folder.\n")
        for d in datagrams:
            f.write(f"== datagram {len(d)} bytes\n")
            for i in range(0, len(d), 16):
                f.write(" ".join(f"{b:02x}" for b in d[i:i+16]) + "\n")
    print(name, [len(d) for d in datagrams])

capture("links", "link show")
capture("addresses", "addr show")
capture("routes4", "-4 route show table all")
capture("routes6", "-6 route show table all")
capture("rules4", "-4 rule show")
capture("rules6", "-6 rule show")
capture("ip6tnl-rejected", "link add name mape0 mtu 1460 type ip6tnl local 2001:db8::1 remote 2001:db8::2 dev veth0 mode ip4ip6 encaplimit none ttl 64")
capture("ip6tnl-request", "link add name mape0 mtu 1460 type ip6tnl local 2001:db8::1 remote 2001:db8::2 dev veth0 mode ip4ip6 encaplimit none ttl 64", "write")
capture("route-delete-esrch", "route del 203.0.113.0/24 proto 0x9d")
print(sh("ip -d addr show dev veth0").stdout); print(sh("ip -j addr show dev veth0").stdout)
print(sh("ip -6 route show table all").stdout)
print(sh("ip rule show; ip -6 rule show").stdout)
sh(f"ip netns del {NS}")
