using Gatewayd.LabTests.Lab;
using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

/// <summary>
/// The whole flow on the host kernel: a lease from kea becomes a plan and the plan becomes kernel state; losing the
/// lease withdraws it. The host has no ip6tnl, so the tunnel step fails here (the kernel VM covers it) and nothing
/// that depends on the tunnel may appear.
/// </summary>
public sealed class ProgramsTheKernelTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void Lease_BecomesCeAddressNftTableAndUnreachableRoute_AndLeaseLossWithdrawsThem()
    {
        _lab.StartKea();
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        gw.WaitForLine("PrefixAcquired", ClientLab.Quick);
        gw.WaitForLine("reconcile: \\d+ change", ClientLab.Quick);

        Assert.Contains("2400:4050:5c71:af00:99:f171:c600:2f00/128", Sh.InNs(_lab.Ce, "ip", "-6", "addr", "show", "dev", _lab.CeIf));
        Assert.Contains("unreachable 2400:4050:5c71:af00::/56", Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "proto", "157"));
        Assert.Contains("153.241.113.198 . 1776-1791", Sh.InNs(_lab.Ce, "nft", "list", "table", "inet", "gatewayd"));
        // No tunnel on this kernel: the failure is reported, and no IPv4 route into a tunnel that is not there.
        gw.WaitForLine("reconcile: tunnel mape0", ClientLab.Quick);
        Assert.DoesNotContain("default", Sh.InNs(_lab.Ce, "ip", "route", "show"));

        _lab.StopKea();
        var mark = gw.Lines.Length;
        gw.WaitForLine("PrefixLost", ClientLab.Quick, mark);
        NgnLab.WaitFor(() => !Sh.InNs(_lab.Ce, "ip", "-6", "addr", "show", "dev", _lab.CeIf).Contains("2400:4050:5c71:af00", StringComparison.Ordinal),
            ClientLab.Quick, "the CE address to be withdrawn");
        Assert.Equal("", Sh.InNs(_lab.Ce, "ip", "-6", "route", "show", "proto", "157").Trim());
        Assert.NotEqual(0, Sh.Try("ip", "netns", "exec", _lab.Ce, "nft", "list", "table", "inet", "gatewayd").ExitCode);
    }
}
