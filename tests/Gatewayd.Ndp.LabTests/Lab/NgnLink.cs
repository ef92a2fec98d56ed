using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>
/// Two namespaces on the host kernel, <c>ngn-XXXX</c> (the NGN side, where radvd runs, on <c>ngn0</c>) and <c>ce-XXXX</c>
/// (gatewayd's side, on <c>wan0</c>), joined by a veth. DAD is off on both ends so the link-locals are usable at once;
/// the CE forwards and leaves RAs to gatewayd (accept_ra=0), as deployed. A <c>sleep</c> inside the CE namespace lets
/// the CE's /sys and /proc/net be read through /proc/&lt;pid&gt;. Everything is deleted on dispose.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class NgnLink : IDisposable
{
    public const string NgnInterface = "ngn0";
    public const string CeInterface = "wan0";
    public const string NgnMac = "02:00:00:4e:47:4e";
    public const string CeMac = "02:00:00:00:0c:e0";

    private readonly List<string> _created = [];
    private Process? _ceAnchor;

    public NgnLink()
    {
        string id = Guid.NewGuid().ToString("N")[..8];
        Ngn = $"ngn-{id}";
        Ce = $"ce-{id}";
        try
        {
            foreach (string ns in new[] { Ngn, Ce })
            {
                Sh.Run(Sh.Ip, "netns", "add", ns);
                _created.Add(ns);
                Sh.Run(Sh.Ip, "-n", ns, "link", "set", "lo", "up");
            }

            Sh.Run(Sh.Ip, "-n", Ngn, "link", "add", NgnInterface, "address", NgnMac, "type", "veth",
                "peer", "name", CeInterface, "address", CeMac, "netns", Ce);
            // Before link up: the link-local is made when the carrier comes up, and must not go through DAD.
            Sh.InNs(Ngn, "/usr/sbin/sysctl", "-qw", $"net.ipv6.conf.{NgnInterface}.accept_dad=0", "net.ipv6.conf.all.forwarding=1");
            Sh.InNs(Ce, "/usr/sbin/sysctl", "-qw", $"net.ipv6.conf.{CeInterface}.accept_dad=0", "net.ipv6.conf.all.forwarding=1",
                $"net.ipv6.conf.{CeInterface}.accept_ra=0");
            Sh.Run(Sh.Ip, "-n", Ngn, "link", "set", NgnInterface, "up");
            Sh.Run(Sh.Ip, "-n", Ce, "link", "set", CeInterface, "up");
            NgnLinkLocal = WaitForLinkLocal(Ngn, NgnInterface);
            CeLinkLocal = WaitForLinkLocal(Ce, CeInterface);

            _ceAnchor = Process.Start(new ProcessStartInfo(Sh.Ip) { ArgumentList = { "netns", "exec", Ce, "sleep", "60" }, UseShellExecute = false })
                ?? throw new InvalidOperationException("cannot start the CE anchor process");
            CeAddresses = new LinuxInterfaceAddresses(CeInterface, $"/proc/{_ceAnchor.Id}/root/sys/class/net", $"/proc/{_ceAnchor.Id}/net/if_inet6");
            WaitFor(() => CeAddresses.GetLinkLayerAddress() is not null, "the CE's sysfs through the anchor process");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Ngn { get; }

    public string Ce { get; }

    public IPAddress NgnLinkLocal { get; } = IPAddress.None;

    public IPAddress CeLinkLocal { get; } = IPAddress.None;

    /// <summary>The CE interface's MAC and link-local state, read from the CE namespace's own /sys and /proc/net.</summary>
    public LinuxInterfaceAddresses CeAddresses { get; } = null!;

    /// <summary>Opens gatewayd's RA socket inside the CE namespace.</summary>
    public RaSocket OpenCeSocket() => Netns.Run(Ce, () => RaSocket.Open(CeInterface));

    public void Dispose()
    {
        if (_ceAnchor is { HasExited: false })
        {
            _ceAnchor.Kill();
            _ceAnchor.WaitForExit(2000);
        }

        _ceAnchor?.Dispose();
        _ceAnchor = null;
        foreach (string ns in _created)
            Sh.Try(Sh.Ip, "netns", "del", ns); // destroys the veth pair with it
        _created.Clear();
    }

    private static IPAddress WaitForLinkLocal(string ns, string device)
    {
        IPAddress? address = null;
        WaitFor(() =>
        {
            string text = Sh.Run(Sh.Ip, "-n", ns, "-6", "addr", "show", "dev", device, "scope", "link");
            Match match = LinkLocalPattern().Match(text);
            if (!match.Success || text.Contains("tentative", StringComparison.Ordinal))
                return false;
            address = IPAddress.Parse(match.Groups[1].Value);
            return true;
        }, $"a usable link-local on {device} in {ns}");
        return address!;
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(5))
                throw new TimeoutException($"no {what} after 5 s");
            Thread.Sleep(20);
        }
    }

    [GeneratedRegex(@"inet6 (fe80::[0-9a-f:]+)/64")]
    private static partial Regex LinkLocalPattern();
}
