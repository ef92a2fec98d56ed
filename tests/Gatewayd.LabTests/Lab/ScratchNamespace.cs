using Gatewayd.Nftables;

namespace Gatewayd.LabTests.Lab;

/// <summary>One empty network namespace for nft-only tests; deleted on dispose.</summary>
internal sealed class ScratchNamespace : IDisposable
{
    public ScratchNamespace()
    {
        Name = $"gwd-{Guid.NewGuid().ToString("N")[..8]}-nft";
        Sh.Run("ip", "netns", "add", Name);
        Nft = new NftClient(new NftClientOptions { NetworkNamespace = Name });
    }

    public string Name { get; }

    public NftClient Nft { get; }

    public string NftText(params string[] args) => Sh.InNs(Name, "nft", args);

    public Sh.Result TryNftScript(string script) => Sh.TryWithInput(script, "ip", "netns", "exec", Name, "nft", "-f", "-");

    public void Dispose() => Sh.Try("ip", "netns", "del", Name);
}
