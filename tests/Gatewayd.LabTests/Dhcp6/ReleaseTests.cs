using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class ReleaseTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void StopKeepsTheLease_ReleaseGivesItBack()
    {
        _lab.StartKea(t1: 20, t2: 32, preferred: 40, valid: 50);
        var files = ClientLab.Prepare(_lab);
        _lab.StartCapture();
        using (var gw = ClientLab.Run(_lab, files))
        {
            gw.WaitForLine("PrefixAcquired", ClientLab.Quick);
            gw.Signal("TERM");
            Assert.Contains(gw.Lines, l => l.Contains("the lease stays in", StringComparison.Ordinal));
        }
        Assert.True(File.Exists(Path.Combine(files.State, "lease.json")));

        var r = GatewaydProcess.Run(_lab.Ce, "release", "--config", files.Config, "--state-dir", files.State);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("released 2400:4050:5c71:af00::/56", r.StandardOutput);
        Assert.False(File.Exists(Path.Combine(files.State, "lease.json")));
        var wire = _lab.StopCapture().ToList();
        // A stop sends nothing; only the release verb does, and kea answers it.
        Assert.Single(wire, l => l.Contains("dhcp6 release", StringComparison.Ordinal));
        Assert.Contains(wire, l => l.Contains("dhcp6 reply", StringComparison.Ordinal) && l.Contains("success", StringComparison.OrdinalIgnoreCase)
            && wire.IndexOf(l) > wire.FindIndex(x => x.Contains("dhcp6 release", StringComparison.Ordinal)));
    }

    [NgnLabFact]
    public void Port546AlreadyTaken_IsAClearError()
    {
        _lab.StartKea();
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        gw.WaitForLine("PrefixAcquired", ClientLab.Quick);
        var r = GatewaydProcess.Run(_lab.Ce, "probe", _lab.CeIf, "--timeout", "2", "--state-dir", files.State);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"UDP port 546 on {_lab.CeIf} is already taken", r.StandardError);
    }
}
