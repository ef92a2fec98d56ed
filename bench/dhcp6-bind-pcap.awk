# Parser for bench/dhcp6-bind: reads `tcpdump -r FILE -n -tt -vv` output (one DHCPv6 message per line) and prints one
# line of phase timings in milliseconds, relative to the launch time t0 (seconds since the epoch, as from date +%s.%N).
#
#   tcpdump -r run.pcap -n -tt -vv 2>/dev/null | awk -v t0=1795385905.215912292 -v mode=bind -f dhcp6-bind-pcap.awk
#
# mode=bind  (fresh binding):  the first Advertise, the last Solicit with the Advertise's xid before it (the one it
#            answered), the first Request after the Advertise and the Reply with the Request's xid:
#              ok=1 init=T0->1st Solicit  sol_adv=Solicit->Advertise  adv_req=Advertise->Request
#              req_rep=Request->Reply  total=T0->Reply  nsol=Solicits sent before the Advertise  pref=Preference option
#              value in that Advertise (-1: none)
# mode=renew (restart with a stored lease): the first Renew and the Reply with its xid:
#              ok=1 init=T0->Renew  ren_rep=Renew->Reply  total=T0->Reply  nsol=Solicits seen (must be 0)
# When the exchange is incomplete: ok=0 why=<what is missing>.
# Only plain awk (mawk is Debian's default); times are taken relative to the integer second of t0 to keep precision.

function rel(ts,    i, s) {
    # seconds since base (an integer), from "1795385905.875873" without losing the fraction in a double
    i = index(ts, ".")
    if (i == 0)
        return (ts - base)
    s = substr(ts, 1, i - 1) - base
    return s + ("0" substr(ts, i))
}

function ms(x) { return sprintf("%.3f", x * 1000) }

BEGIN {
    if (t0 == "" || mode == "") {
        print "ok=0 why=usage"
        exit 2
    }
    base = int(t0)
    t0rel = rel(t0)
    nsol = 0; nsol_total = 0
    have_adv = have_req = have_rep = have_ren = 0
    pref = -1
}

/ dhcp6 / {
    ts = rel($1)
    type = $0
    sub(/.* dhcp6 /, "", type)
    sub(/ .*/, "", type)
    xid = ""
    if (match($0, /xid=[0-9a-f]+/))
        xid = substr($0, RSTART + 4, RLENGTH - 4)

    if (type == "solicit") {
        nsol_total++
        if (!have_adv) {
            nsol++
            if (nsol == 1)
                first_sol = ts
            last_sol[xid] = ts
        }
    } else if (type == "advertise" && !have_adv && nsol > 0) {
        have_adv = 1
        adv = ts
        adv_xid = xid
        if (match($0, /\(preference [0-9]+\)/))
            pref = substr($0, RSTART + 12, RLENGTH - 13) + 0
    } else if (type == "request" && have_adv && !have_req) {
        have_req = 1
        req = ts
        req_xid = xid
    } else if (type == "renew" && !have_ren) {
        have_ren = 1
        ren = ts
        ren_xid = xid
    } else if (type == "reply" && !have_rep) {
        if ((mode == "bind" && have_req && xid == req_xid) || (mode == "renew" && have_ren && xid == ren_xid)) {
            have_rep = 1
            rep = ts
        }
    }
}

END {
    if (mode == "bind") {
        if (nsol == 0) { print "ok=0 why=no-solicit"; exit 0 }
        if (!have_adv) { print "ok=0 why=no-advertise nsol=" nsol; exit 0 }
        if (!(adv_xid in last_sol)) { print "ok=0 why=advertise-xid-unmatched"; exit 0 }
        if (!have_req) { print "ok=0 why=no-request"; exit 0 }
        if (!have_rep) { print "ok=0 why=no-reply"; exit 0 }
        print "ok=1 init=" ms(first_sol - t0rel) " sol_adv=" ms(adv - last_sol[adv_xid]) " adv_req=" ms(req - adv) \
            " req_rep=" ms(rep - req) " total=" ms(rep - t0rel) " nsol=" nsol " pref=" pref
    } else if (mode == "renew") {
        if (!have_ren) { print "ok=0 why=no-renew nsol=" nsol_total; exit 0 }
        if (!have_rep) { print "ok=0 why=no-reply nsol=" nsol_total; exit 0 }
        print "ok=1 init=" ms(ren - t0rel) " ren_rep=" ms(rep - ren) " total=" ms(rep - t0rel) " nsol=" nsol_total
    } else {
        print "ok=0 why=bad-mode"
    }
}
