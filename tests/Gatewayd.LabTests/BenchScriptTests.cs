using Gatewayd.LabTests.Lab;
using Gatewayd.Nftables;
using Xunit;

namespace Gatewayd.LabTests;

/// <summary>bench/nft-apply-vs-iptables renders the OCN ruleset in bash; it must stay what gatewayd applies.</summary>
public class BenchScriptTests
{
    [Fact]
    public void NftApplyBench_PrintsExactlyTheRenderedOcnRuleset()
    {
        var script = Path.Combine(RepoRoot(), "bench", "nft-apply-vs-iptables");

        var printed = Sh.Run("bash", script, "--print-ruleset");

        Assert.Equal(RulesetRenderer.Render(PortSets.OcnRuleset()), printed);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "bench", "nft-apply-vs-iptables")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no bench/nft-apply-vs-iptables above {AppContext.BaseDirectory}");
    }
}
