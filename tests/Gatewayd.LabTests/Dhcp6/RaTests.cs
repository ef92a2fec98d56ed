using Gatewayd.LabTests.Lab;
using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class RaTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void DefaultConfig_WaitsForTheRa_ThenSolicits_AndOwnsTheIpv6DefaultRoute()
    {
        _lab.StartKea();
        var files = ClientLab.Prepare(_lab, waitForRa: true);
        using var gw = ClientLab.Run(_lab, files);
        gw.WaitForLine("waits for an RA", ClientLab.Quick);
        Assert.DoesNotContain(gw.Lines, l => l.Contains("Soliciting", StringComparison.Ordinal));
        // accept_ra is gatewayd's to set to 0 on the WAN: it handles the RAs itself.
        NgnLab.WaitFor(() => Sh.InNs(_lab.Ce, "sysctl", "-n", $"net.ipv6.conf.{_lab.CeIf}.accept_ra").Trim() == "0", ClientLab.Quick, "accept_ra=0");

        _lab.StartRadvd();
        gw.WaitForLine("M=True O=True", ClientLab.Quick);
        gw.WaitForLine("starting DHCPv6", ClientLab.Quick);
        gw.WaitForLine("PrefixAcquired 2400:4050:5c71:af00::/56", ClientLab.Quick);

        var route = Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "default");
        Assert.Matches($@"default via fe80::\S+ dev {_lab.CeIf} proto (157|gatewayd) metric 1024 expires (17\d\d|1800)sec", route);
    }

    [NgnLabFact]
    public void RouterLifetimeZero_WithdrawsTheDefaultRoute()
    {
        var files = ClientLab.Prepare(_lab, waitForRa: true);
        using var gw = ClientLab.Run(_lab, files);
        _lab.StartRadvd();
        gw.WaitForLine("IPv6 default route via", ClientLab.Quick);
        Assert.Contains("default via", Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "default"));
        // radvd's last RA at shutdown carries router lifetime 0 (RFC 4861 6.2.5).
        _lab.StopRadvd();
        gw.WaitForLine("IPv6 default route via .* withdrawn", ClientLab.Quick);
        Assert.Equal("", Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "default").Trim());
    }

    [NgnLabFact]
    public void KernelRaRouteFromBeforeStart_IsTakenOver_ButAStaticRouteIsLeftAlone()
    {
        // Before gatewayd runs, the kernel (accept_ra=1) learns the default route itself: proto ra.
        Sh.InNs(_lab.Ce, "sysctl", "-qw", $"net.ipv6.conf.{_lab.CeIf}.accept_ra=1");
        _lab.StartRadvd();
        NgnLab.WaitFor(() => Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "default").Contains("proto ra", StringComparison.Ordinal),
            ClientLab.Quick, "the kernel's own RA default route");
        var files = ClientLab.Prepare(_lab, waitForRa: true);
        using (var gw = ClientLab.Run(_lab, files))
        {
            gw.WaitForLine("IPv6 default route via", ClientLab.Quick);
            Assert.Matches(@"^default via fe80::\S+ dev \S+ proto (157|gatewayd) metric 1024", Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "default").Trim());
        }

        // A default route the user made by hand is never taken over.
        Sh.InNs(_lab.Ce, "ip", "-6", "route", "replace", "default", "via", "fe80::1", "dev", _lab.CeIf, "metric", "1024", "proto", "static");
        using var again = ClientLab.Run(_lab, files);
        again.WaitForLine("did not make exists \\(proto 4\\); leaving it alone", ClientLab.Quick);
        Assert.Contains("proto static", Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "default"));
    }
}
