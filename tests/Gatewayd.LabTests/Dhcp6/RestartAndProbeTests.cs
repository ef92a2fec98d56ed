using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class RestartAndProbeTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void KilledAndRestarted_RenewsThePersistedLease_WithNoSolicitOnTheWire()
    {
        _lab.StartKea(t1: 20, t2: 32, preferred: 40, valid: 50);
        var files = ClientLab.Prepare(_lab);
        using (var first = ClientLab.Run(_lab, files))
        {
            first.WaitForLine("PrefixAcquired", ClientLab.Quick);
            first.Signal("KILL");
        }
        _lab.StartCapture();
        using var second = ClientLab.Run(_lab, files);
        Assert.Contains("2400:4050:5c71:af00::/56", second.WaitForLine("resuming lease", ClientLab.Quick));
        Assert.Contains("PrefixRenewed 2400:4050:5c71:af00::/56", second.WaitForLine("PrefixRenewed", ClientLab.Quick));
        var wire = _lab.StopCapture();
        Assert.DoesNotContain(wire, l => l.Contains("dhcp6 solicit", StringComparison.Ordinal));
        Assert.Contains(wire, l => l.Contains("dhcp6 renew", StringComparison.Ordinal));
    }

    [NgnLabFact]
    public void Probe_PrintsThePrefixItsMapEParametersAndTheRa_AndBindsNothing()
    {
        _lab.StartKea();
        _lab.StartRadvd();
        var r = GatewaydProcess.Run(_lab.Ce, "probe", _lab.CeIf, "--json", "--timeout", "8", "--state-dir", Path.Combine(_lab.Dir, "state"));
        Assert.True(r.ExitCode == 0, r.StandardError);
        using var doc = System.Text.Json.JsonDocument.Parse(r.StandardOutput);
        var root = doc.RootElement;
        Assert.Equal(_lab.CeIf, root.GetProperty("interface").GetString());
        Assert.Equal("2400:4050:5c71:af00::/56", root.GetProperty("prefixes")[0].GetProperty("prefix").GetString());
        Assert.Equal(4, root.GetProperty("t1").GetInt32());
        Assert.Equal("2400:4050:5c71::53", root.GetProperty("dnsServers")[0].GetString());
        Assert.StartsWith("00:01:00:01:", root.GetProperty("serverDuid").GetString());
        var softwire = root.GetProperty("softwire");
        Assert.Equal("153.241.113.198", softwire.GetProperty("ipv4Address").GetString());
        Assert.Equal(47, softwire.GetProperty("psid").GetInt32());
        var ra = root.GetProperty("ra");
        Assert.StartsWith("fe80::", ra.GetProperty("router").GetString());
        Assert.True(ra.GetProperty("managed").GetBoolean());
        Assert.True(ra.GetProperty("other").GetBoolean());
        Assert.Equal(1800, ra.GetProperty("routerLifetime").GetInt32());
        Assert.Equal(1500, ra.GetProperty("mtu").GetInt32());
        Assert.Equal("2400:4050:5c71::/64", ra.GetProperty("prefixes")[0].GetProperty("prefix").GetString());
        // Probe sends no Request: kea holds no lease for anyone.
        Assert.DoesNotContain(ClientLab.DuidLl(_lab), _lab.KeaLeases);
        Assert.False(Directory.Exists(Path.Combine(_lab.Dir, "state")) && File.Exists(Path.Combine(_lab.Dir, "state", "lease.json")));
    }

    [NgnLabFact]
    public void Probe_OnASilentNetwork_Exits4()
    {
        var r = GatewaydProcess.Run(_lab.Ce, "probe", _lab.CeIf, "--timeout", "2", "--state-dir", Path.Combine(_lab.Dir, "state"));
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("no DHCPv6 server answered", r.StandardError);
    }
}
