# Helpers for tests/vm scenarios: `source "$(dirname "$0")/../lib/scenario.sh"` at the top of a scenario.
# A scenario runs inside the guest as root, cwd = the repo, with VM_SCENARIO (its name), SCENARIO_TMP (a scratch
# directory, removed afterwards) and GATEWAYD_REPO set. Exit 0 = PASS, anything else = FAIL. After it, the guest kills
# every process it left, deletes every network namespace and any link it added to the root namespace, and flushes nft.
set -euo pipefail

if [[ ${VM_GUEST:-} != 1 ]]; then
    echo "${0##*/}: this is a tests/vm scenario; run it with tests/vm/run ${0##*/}" >&2
    exit 2
fi

VM_SCENARIO=${VM_SCENARIO:-${0##*/}}
_netns_created=()

say() { printf '[%s] %s\n' "$VM_SCENARIO" "$*"; }
fail() { printf '[%s] FAIL: %s\n' "$VM_SCENARIO" "$*"; exit 1; }

# now: seconds since the epoch with microseconds; since T0: seconds elapsed, two decimals.
now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }

# run CMD...: echo the command, run it, fail the scenario with its output if it fails.
run() {
    local out
    say "+ $*"
    if ! out=$("$@" 2>&1); then
        [[ -z $out ]] || printf '%s\n' "$out" | sed 's/^/    /'
        fail "command failed: $*"
    fi
    [[ -z $out ]] || printf '%s\n' "$out" | sed 's/^/    /'
}

# assert_contains TEXT NEEDLE WHAT: fail unless TEXT contains NEEDLE.
assert_contains() {
    if [[ $1 != *"$2"* ]]; then
        printf '%s\n' "$1" | sed 's/^/    /'
        fail "${3:-output} does not contain '$2'"
    fi
    say "ok: ${3:-output} contains '$2'"
}

# need_modules MOD...: modprobe each (autoloading works too, but an explicit load fails with a clearer message).
need_modules() {
    local m
    for m in "$@"; do modprobe "$m" || fail "modprobe $m failed"; done
}

# netns_add NAME...: create network namespaces (lo up); they are deleted when the scenario exits.
netns_add() {
    local ns
    for ns in "$@"; do
        ip netns add "$ns" || fail "ip netns add $ns failed"
        _netns_created+=("$ns")
        ip -n "$ns" link set lo up
    done
}

_scenario_exit() {
    local rc=$? ns
    for ns in "${_netns_created[@]}"; do
        ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
        ip netns delete "$ns" 2>/dev/null || true
    done
    exit "$rc"
}
trap _scenario_exit EXIT
