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
}
