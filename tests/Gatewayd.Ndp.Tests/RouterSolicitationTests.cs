using Xunit;

namespace Gatewayd.Ndp.Tests;

public sealed class RouterSolicitationTests
{
    [Fact]
    public void Solicitation_with_slla_matches_the_vector()
    {
        Assert.Equal(RaVectors.Solicitation, RouterSolicitation.FromMac([0x02, 0x00, 0x5e, 0x10, 0x00, 0x01]).ToArray());
    }

    [Fact]
    public void Solicitation_parses()
    {
        Assert.True(RouterSolicitation.TryParse(RaVectors.Solicitation, out RouterSolicitation? rs, out _));
        Assert.Equal([0x02, 0x00, 0x5e, 0x10, 0x00, 0x01], rs.SourceLinkLayerAddress!.Value.ToArray());
        Assert.Equal(RaVectors.Solicitation, rs.ToArray());
    }

    [Fact]
    public void Solicitation_without_options_is_eight_bytes()
    {
        Assert.Equal([0x85, 0, 0, 0, 0, 0, 0, 0], new RouterSolicitation().ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x85, 0, 0, 0, 0, 0, 0 }, 7, NdpParseErrorKind.Truncated)]
    [InlineData(new byte[] { 0x86, 0, 0, 0, 0, 0, 0, 0 }, 0, NdpParseErrorKind.WrongType)]
    [InlineData(new byte[] { 0x85, 1, 0, 0, 0, 0, 0, 0 }, 1, NdpParseErrorKind.BadCode)]
    [InlineData(new byte[] { 0x85, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0, 0, 0, 0, 0, 0 }, 8, NdpParseErrorKind.ZeroLengthOption)]
    public void Malformed_solicitation(byte[] wire, int offset, NdpParseErrorKind kind)
    {
        Assert.False(RouterSolicitation.TryParse(wire, out _, out NdpParseError? error));
        Assert.Equal((offset, kind), (error.Offset, error.Kind));
    }
}
