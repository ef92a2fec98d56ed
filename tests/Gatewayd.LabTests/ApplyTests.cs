using System.Net;
using System.Text.Json;
using Gatewayd.LabTests.Lab;
using Gatewayd.Nftables;
using Xunit;

namespace Gatewayd.LabTests;

/// <summary>The atomic replace, the readback check and ownership, against the real nft and kernel.</summary>
public class ApplyTests
{
    private static readonly GatewaydRuleset Ocn = PortSets.OcnRuleset();

    private static readonly GatewaydRuleset V6plus =
        new(MapeTopology.TunnelName, new PortSetSnat(IPAddress.Parse("198.51.100.77"), PortSets.V6plus, UdpMapping.EndpointIndependent));

    private const string UserTable = """
        table ip usernat {
        	chain pre {
        		type nat hook prerouting priority dstnat; policy accept;
        		iifname "wan" tcp dport 8443 dnat to 192.168.1.10:443
        	}
        }

        """;

    [LabFact]
    public async Task Apply_SameRulesetTwice_WritesOnceAndLeavesOneTable()
    {
        using var ns = new ScratchNamespace();

        Assert.False(await ns.Nft.TableExistsAsync());
        Assert.True(await ns.Nft.EnsureAsync(Ocn));
        var first = await ns.Nft.ListTableJsonAsync();
        Assert.False(await ns.Nft.EnsureAsync(Ocn));
        await ns.Nft.ApplyAsync(Ocn);

        // Same handles: nothing was rewritten.
        Assert.Equal(first, await ns.Nft.ListTableJsonAsync());
        Assert.Single(TableNames(ns.NftText("-j", "list", "tables")), "inet gatewayd");
        Assert.True(await ns.Nft.TableExistsAsync());
    }

    [LabFact]
    public async Task Apply_ChangedRuleset_ReplacesTheWholeTable()
    {
        using var ns = new ScratchNamespace();
        await ns.Nft.ApplyAsync(Ocn);

        Assert.True(await ns.Nft.EnsureAsync(V6plus));

        var text = ns.NftText("list", "table", "inet", "gatewayd");
        Assert.DoesNotContain("153.241.113.198", text, StringComparison.Ordinal);
        Assert.Contains("jhash ip saddr . udp sport mod 15", text, StringComparison.Ordinal);
        Assert.Contains("14 : 198.51.100.77 . 61728-61743", text, StringComparison.Ordinal);
        Assert.Equal(["inet gatewayd"], TableNames(ns.NftText("-j", "list", "tables")));
    }

    [LabFact]
    public async Task Apply_TableTamperedWith_IsRepaired()
    {
        using var ns = new ScratchNamespace();
        await ns.Nft.ApplyAsync(Ocn);
        ns.NftText("add", "rule", "inet", "gatewayd", "forward", "ip", "saddr", "10.9.9.9", "drop");

        Assert.True(await ns.Nft.EnsureAsync(Ocn));
        Assert.DoesNotContain("10.9.9.9", ns.NftText("list", "table", "inet", "gatewayd"), StringComparison.Ordinal);
    }

    [LabFact]
    public async Task Apply_ScriptNftRejects_KeepsThePreviousTableInForce()
    {
        using var ns = new ScratchNamespace();
        await ns.Nft.ApplyAsync(Ocn);
        var before = await ns.Nft.ListTableJsonAsync();

        // Rendered V6plus with one bad address: the create and delete at the top of the script are undone with it.
        var bad = RulesetRenderer.Render(V6plus).Replace("14 : 198.51.100.77 .", "14 : 198.51.100.777 .", StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<NftException>(() =>
            ns.Nft.ApplyScriptAsync(bad, RulesetRenderer.Plan(V6plus), skipWhenCurrent: false, CancellationToken.None));

        Assert.Equal("apply", e.Operation);
        Assert.Contains("198.51.100.777", e.StandardError, StringComparison.Ordinal);
        Assert.Contains("Error", e.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, await ns.Nft.ListTableJsonAsync());
    }

    [LabFact]
    public async Task Apply_SilentlyBrokenAddressColonMapForm_LoadsButFailsVerification()
    {
        using var ns = new ScratchNamespace();
        var good = RulesetRenderer.Render(Ocn);
        var broken = good.Replace("snat ip to numgen inc mod 63 map {", "snat ip to 153.241.113.198 : numgen inc mod 63 map {", StringComparison.Ordinal)
            .Replace(": 153.241.113.198 . ", ": ", StringComparison.Ordinal);
        Assert.NotEqual(good, broken);

        var e = await Assert.ThrowsAsync<NftException>(() =>
            ns.Nft.ApplyScriptAsync(broken, RulesetRenderer.Plan(Ocn), skipWhenCurrent: false, CancellationToken.None));

        // nft took it (exit 0) and lists the ranges back as `1776-0`: only the readback catches it.
        Assert.Equal("verify", e.Operation);
        Assert.Equal(0, e.ExitCode);
        Assert.Contains(e.Problems, p => p.Contains("found `0 : 1776-0`", StringComparison.Ordinal));
        Assert.Contains("1776-0", ns.NftText("list", "table", "inet", "gatewayd"), StringComparison.Ordinal);

        // The next regular apply repairs it.
        Assert.True(await ns.Nft.EnsureAsync(Ocn));
    }

    [LabFact]
    public async Task ApplyAndDelete_LeaveTheUsersOwnTableUntouched()
    {
        using var ns = new ScratchNamespace();
        var load = ns.TryNftScript(UserTable);
        Assert.True(load.ExitCode == 0, load.StandardError);
        var userBefore = ns.NftText("-a", "list", "table", "ip", "usernat");

        await ns.Nft.ApplyAsync(Ocn);
        await ns.Nft.ApplyAsync(V6plus);
        Assert.Equal(userBefore, ns.NftText("-a", "list", "table", "ip", "usernat"));
        Assert.Equal(["inet gatewayd", "ip usernat"], TableNames(ns.NftText("-j", "list", "tables")).Order());

        await ns.Nft.DeleteTableAsync();
        await ns.Nft.DeleteTableAsync(); // absent: no-op
        Assert.False(await ns.Nft.TableExistsAsync());
        Assert.Equal(userBefore, ns.NftText("-a", "list", "table", "ip", "usernat"));
        Assert.Null(await ns.Nft.GetCounterAsync());
        var list = await Assert.ThrowsAsync<NftException>(() => ns.Nft.ListTableJsonAsync());
        Assert.Equal("list", list.Operation);
    }

    private static string[] TableNames(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("nftables").EnumerateArray()
            .Where(i => i.TryGetProperty("table", out _))
            .Select(i => $"{i.GetProperty("table").GetProperty("family").GetString()} {i.GetProperty("table").GetProperty("name").GetString()}")
            .ToArray();
    }
}
