namespace Gatewayd.Ndp;

/// <summary>Link-layer addresses as people write them: lower-case hex pairs joined by colons ("02:00:5e:10:00:01").</summary>
internal static class LinkLayerText
{
    internal static string Format(ReadOnlySpan<byte> address) =>
        string.Join(':', Convert.ToHexStringLower(address).Chunk(2).Select(pair => new string(pair)));
}
