using System.Globalization;
using Gatewayd.LabTests.Lab;
using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class ReloadTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private void WriteConfig(string path, string softwire) =>
        File.WriteAllText(path, $$$"""{"wan":{"interface":"{{{_lab.CeIf}}}"},"softwire":{{{softwire}}},"dhcp6":{"start":"immediately"}}""");

    /// <summary>gatewayd's table as nft lists it, or "" while it does not exist yet.</summary>
    private string NftTable() => Sh.Try("ip", "netns", "exec", _lab.Ce, "nft", "list", "table", "inet", "gatewayd").StandardOutput;

    [NgnLabFact]
    public void Sighup_AppliesAChange_RefusesABadConfig_AndSurvivesAStorm_WithoutTouchingTheLease()
    {
        _lab.StartKea(t1: 20, t2: 32, preferred: 40, valid: 50);
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        gw.WaitForLine("PrefixAcquired", ClientLab.Quick);
        NgnLab.WaitFor(() => NftTable().Contains("maxseg size set 1420", StringComparison.Ordinal), ClientLab.Quick, "the MSS clamp for MTU 1460");
        var mark = gw.Lines.Length;

        WriteConfig(files.Config, """{"mode":"map-e","mtu":1400}""");
        gw.Signal("HUP", wait: false);
        gw.WaitForLine("reload: config from .* applied", ClientLab.Quick, mark);
        NgnLab.WaitFor(() => NftTable().Contains("maxseg size set 1360", StringComparison.Ordinal), ClientLab.Quick, "the MSS clamp for MTU 1400");

        WriteConfig(files.Config, """{"mode":"map-e","mapE":{"rule":{"ipv6Prefix":"2400:4050:4000::/35","ipv4Prefix":"153.241.0.0/17","eaBitsLength":21,"psidOffset":16}},"mtuu":1}""");
        gw.Signal("HUP", wait: false);
        gw.WaitForLine("reload: softwire.mapE.rule.psidOffset: must be 0..15", ClientLab.Quick, mark);
        gw.WaitForLine("reload: softwire.mtuu: unknown key", ClientLab.Quick, mark);
        gw.WaitForLine("keeping the running config", ClientLab.Quick, mark);
        Assert.Contains("maxseg size set 1360", NftTable());

        WriteConfig(files.Config, """{"mode":"map-e","mtu":1380}""");
        for (var i = 0; i < 100; i++)
            Sh.Try("kill", "-HUP", gw.Pid.ToString(CultureInfo.InvariantCulture));
        NgnLab.WaitFor(() => NftTable().Contains("maxseg size set 1340", StringComparison.Ordinal), ClientLab.Quick, "the MSS clamp for MTU 1380");
        Assert.False(gw.HasExited);
        // The lease went through all of it: no new Solicit, the same prefix.
        Assert.DoesNotContain(gw.Lines.Skip(mark), l => l.Contains("-> Soliciting", StringComparison.Ordinal));
        Assert.Single(NftTable().Split('\n'), l => l.Contains("table inet gatewayd", StringComparison.Ordinal));
    }

    [NgnLabFact]
    public void IdleDaemon_StartsWhenAReloadSetsTheWan()
    {
        _lab.StartKea();
        var config = Path.Combine(_lab.Dir, "config.json");
        File.WriteAllText(config, """{"softwire":{"mode":"map-e"}}""");
        using var gw = GatewaydProcess.Start(_lab.Ce, "run", "--config", config, "--state-dir", Path.Combine(_lab.Dir, "state"));
        gw.WaitForLine("idle: set wan.interface", ClientLab.Quick);
        WriteConfig(config, """{"mode":"map-e"}""");
        gw.Signal("HUP", wait: false);
        Assert.Contains("2400:4050:5c71:af00::/56", gw.WaitForLine("PrefixAcquired", ClientLab.Quick));
    }
}
