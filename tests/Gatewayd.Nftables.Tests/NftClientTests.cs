using Xunit;

namespace Gatewayd.Nftables.Tests;

public class NftClientTests
{
    [Fact]
    public async Task Apply_NftMissing_ThrowsNftExceptionNamingTheBinary()
    {
        var client = new NftClient(new NftClientOptions { NftPath = "/nonexistent/nft" });

        var e = await Assert.ThrowsAsync<NftException>(() => client.ApplyAsync(new GatewaydRuleset("mape0", new NoNat())));
        Assert.Equal("run", e.Operation);
        Assert.Contains("/nonexistent/nft", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_InvalidRuleset_ThrowsBeforeRunningNft()
    {
        var client = new NftClient(new NftClientOptions { NftPath = "/nonexistent/nft" });

        await Assert.ThrowsAsync<ArgumentException>(() => client.ApplyAsync(new GatewaydRuleset("bad/name", new NoNat())));
    }
}
