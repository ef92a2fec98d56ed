using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class ServerLossTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void KeaStopped_RebindsAfterT2_LosesThePrefixAtExpiry_AndReacquiresWhenKeaReturns()
    {
        _lab.StartKea();
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        gw.WaitForLine("PrefixAcquired", ClientLab.Quick);
        _lab.StopKea();
        var mark = gw.Lines.Length;
        gw.WaitForLine("Renewing -> Rebinding", ClientLab.Quick, mark);
        Assert.Contains("2400:4050:5c71:af00::/56", gw.WaitForLine("PrefixLost", ClientLab.Quick, mark));
        gw.WaitForLine("-> Soliciting", ClientLab.Quick, mark);
        mark = gw.Lines.Length;
        _lab.StartKea();
        // Solicit retransmissions back off (1, 2, 4, 8 s...): allow for one long gap.
        Assert.Contains("2400:4050:5c71:af00::/56", gw.WaitForLine("PrefixAcquired", TimeSpan.FromSeconds(40), mark));
    }

    [NgnLabFact]
    public void ServerDelegatesAnotherPrefix_IsPrefixChanged_WithTheNewMapEParameters()
    {
        _lab.StartKea();
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        gw.WaitForLine("PrefixAcquired 2400:4050:5c71:af00::/56", ClientLab.Quick);
        // The ISP renumbers: the server comes back with another pool and no memory of our binding.
        _lab.StopKea(forgetLeases: true);
        var mark = gw.Lines.Length;
        _lab.StartKea(pool: "2400:4050:5c71:b100::");
        var changed = gw.WaitForLine("PrefixChanged|PrefixLost", TimeSpan.FromSeconds(30), mark);
        if (changed.Contains("PrefixLost", StringComparison.Ordinal))
            changed = gw.WaitForLine("PrefixAcquired", TimeSpan.FromSeconds(30), mark);
        Assert.Contains("2400:4050:5c71:b100::/56", changed);
        // af -> b1 keeps the top two EA bits of that byte (IPv4 .198) and changes the low six (PSID 47 -> 49).
        Assert.Contains("plan: MAP-E 153.241.113.198 PSID 49 (1008 ports) CE 2400:4050:5c71:b100:99:f171:c600:3100",
            gw.WaitForLine("plan: MAP-E .* PSID 49", ClientLab.Quick, mark));
    }
}
