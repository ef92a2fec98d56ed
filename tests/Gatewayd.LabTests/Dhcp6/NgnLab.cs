using System.Diagnostics;
using System.Globalization;
using Gatewayd.LabTests.Lab;

namespace Gatewayd.LabTests.Dhcp6;

/// <summary>
/// A simulated NGN: namespace ngn-* with kea-dhcp6 delegating /56s (or /60s) from an OCN range, namespace ce-* for
/// gatewayd, one veth between them. Lifetimes are seconds long so that T1, T2 and expiry really happen in a test.
/// </summary>
internal sealed class NgnLab : IDisposable
{
    private static int _counter;
    private readonly string _dir = Directory.CreateTempSubdirectory("gatewayd-ngnlab-").FullName;
    private Process? _kea;
    private Process? _tcpdump;
    private Process? _radvd;

    public NgnLab()
    {
        var id = $"{Environment.ProcessId % 10000}{Interlocked.Increment(ref _counter)}";
        Ngn = $"ngn-{id}";
        Ce = $"ce-{id}";
        NgnIf = $"vn{id}";
        CeIf = $"vc{id}";
        Sh.Run("ip", "netns", "add", Ngn);
        Sh.Run("ip", "netns", "add", Ce);
        Sh.Run("ip", "link", "add", NgnIf, "netns", Ngn, "type", "veth", "peer", "name", CeIf, "netns", Ce);
        foreach (var (ns, ifname) in new[] { (Ngn, NgnIf), (Ce, CeIf) })
        {
            // No DAD: link-locals are usable at once, so a test does not wait a second per namespace.
            Sh.InNs(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0", $"net.ipv6.conf.{ifname}.accept_dad=0");
            Sh.InNs(ns, "ip", "link", "set", "lo", "up");
            Sh.InNs(ns, "ip", "link", "set", ifname, "up");
        }
        Sh.InNs(Ngn, "ip", "-6", "addr", "add", "2400:4050:5c71::1/64", "dev", NgnIf);
        // ip netns exec mounts the namespace's own /sys; the host's /sys does not show the CE side.
        Mac = Sh.InNs(Ce, "cat", $"/sys/class/net/{CeIf}/address").Trim();
    }

    public string Ngn { get; }

    public string Ce { get; }

    public string NgnIf { get; }

    public string CeIf { get; }

    /// <summary>The CE side's MAC, as kea will record it inside our DUID-LL.</summary>
    public string Mac { get; }

    public string Dir => _dir;

    public string LeaseFile => Path.Combine(_dir, "kea-leases6.csv");

    /// <summary>Starts kea delegating from <paramref name="pool"/> with the given delegated length; lifetimes in seconds.</summary>
    public void StartKea(string pool = "2400:4050:5c71:af00::", int poolLength = 56, int delegatedLength = 56,
        int t1 = 4, int t2 = 6, int preferred = 8, int valid = 10)
    {
        var config = $$$"""
            {"Dhcp6": {
              "interfaces-config": {"interfaces": ["{{{NgnIf}}}"]},
              "lease-database": {"type": "memfile", "persist": true, "name": "{{{LeaseFile}}}", "lfc-interval": 0},
              "server-id": {"type": "LLT", "persist": false},
              "renew-timer": {{{t1}}}, "rebind-timer": {{{t2}}}, "preferred-lifetime": {{{preferred}}}, "valid-lifetime": {{{valid}}},
              "subnet6": [{"id": 1, "subnet": "2400:4050:5c71::/48", "interface": "{{{NgnIf}}}",
                 "pd-pools": [{"prefix": "{{{pool}}}", "prefix-len": {{{poolLength}}}, "delegated-len": {{{delegatedLength}}}}],
                 "option-data": [{"name": "dns-servers", "data": "2400:4050:5c71::53"}]}],
              "loggers": [{"name": "kea-dhcp6", "output_options": [{"output": "{{{Path.Combine(_dir, "kea.log")}}}"}], "severity": "INFO"}]
            }}
            """;
        var path = Path.Combine(_dir, "kea.json");
        File.WriteAllText(path, config);
        var psi = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "netns", "exec", Ngn, "/usr/sbin/kea-dhcp6", "-c", path })
            psi.ArgumentList.Add(a);
        psi.Environment["KEA_PIDFILE_DIR"] = _dir;
        psi.Environment["KEA_LOCKFILE_DIR"] = _dir;
        _kea = Process.Start(psi)!;
        _kea.OutputDataReceived += (_, _) => { };
        _kea.ErrorDataReceived += (_, _) => { };
        _kea.BeginOutputReadLine();
        _kea.BeginErrorReadLine();
        WaitFor(() => File.Exists(Path.Combine(_dir, "kea.log")) && File.ReadAllText(Path.Combine(_dir, "kea.log")).Contains("DHCP6_STARTED", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "kea-dhcp6 to start");
    }

    /// <summary>Stops kea (by the pid we started) and optionally forgets its leases, as a server swap would.</summary>
    public void StopKea(bool forgetLeases = false)
    {
        if (_kea is { HasExited: false } k)
        {
            k.Kill();
            k.WaitForExit(5000);
        }
        _kea?.Dispose();
        _kea = null;
        File.Delete(Path.Combine(_dir, "kea.log"));
        if (forgetLeases)
            File.Delete(LeaseFile);
    }

    /// <summary>Starts radvd in the NGN namespace announcing what the NGN does: M=1, O=1, router lifetime 1800 s.</summary>
    public void StartRadvd(int routerLifetime = 1800)
    {
        var conf = Path.Combine(_dir, "radvd.conf");
        File.WriteAllText(conf, $$$"""
            interface {{{NgnIf}}} {
              AdvSendAdvert on; MinRtrAdvInterval 3; MaxRtrAdvInterval 4;
              AdvManagedFlag on; AdvOtherConfigFlag on; AdvDefaultLifetime {{{routerLifetime}}};
              AdvLinkMTU 1500;
              prefix 2400:4050:5c71::/64 { AdvOnLink on; AdvAutonomous off; };
            };
            """);
        var psi = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "netns", "exec", Ngn, "/usr/sbin/radvd", "-n", "-C", conf, "-p", Path.Combine(_dir, "radvd.pid"), "-m", "stderr" })
            psi.ArgumentList.Add(a);
        _radvd = Process.Start(psi)!;
        _radvd.OutputDataReceived += (_, _) => { };
        _radvd.ErrorDataReceived += (_, _) => { };
        _radvd.BeginOutputReadLine();
        _radvd.BeginErrorReadLine();
    }

    /// <summary>Stops radvd with SIGTERM, so it sends its final RA with router lifetime 0.</summary>
    public void StopRadvd()
    {
        if (_radvd is { HasExited: false } r)
        {
            Sh.Try("kill", "-TERM", r.Id.ToString(CultureInfo.InvariantCulture));
            r.WaitForExit(5000);
        }
    }

    public string KeaLeases => File.Exists(LeaseFile) ? File.ReadAllText(LeaseFile) : "";

    /// <summary>Captures DHCPv6 on the CE side until <see cref="StopCapture"/>.</summary>
    public void StartCapture()
    {
        var psi = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "netns", "exec", Ce, "tcpdump", "-i", CeIf, "--immediate-mode", "-U", "-n", "-w", Path.Combine(_dir, "dhcp6.pcap"), "udp", "port", "546", "or", "udp", "port", "547" })
            psi.ArgumentList.Add(a);
        _tcpdump = Process.Start(psi)!;
        var started = _tcpdump.StandardError.ReadLineAsync();
        started.Wait(TimeSpan.FromSeconds(5)); // "listening on ..." once the capture is live
    }

    /// <summary>Stops the capture and returns tcpdump's own verbose decoding of it, one line per message.</summary>
    public IReadOnlyList<string> StopCapture()
    {
        if (_tcpdump is { HasExited: false } t)
        {
            // Let the last packets reach the file: SIGINT ends tcpdump without draining what is still in flight.
            Thread.Sleep(300);
            Sh.Try("kill", "-INT", t.Id.ToString(CultureInfo.InvariantCulture));
            t.WaitForExit(5000);
        }
        _tcpdump?.Dispose();
        _tcpdump = null;
        var text = Sh.Run("tcpdump", "-r", Path.Combine(_dir, "dhcp6.pcap"), "-n", "-vv");
        return [.. text.Split('\n').Where(l => l.Contains("dhcp6", StringComparison.Ordinal))];
    }

    public static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > timeout)
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        StopKea();
        if (_radvd is { HasExited: false } r)
            r.Kill();
        if (_tcpdump is { HasExited: false } t)
            t.Kill();
        Sh.Try("ip", "netns", "del", Ngn);
        Sh.Try("ip", "netns", "del", Ce);
        Directory.Delete(_dir, recursive: true);
    }
}
