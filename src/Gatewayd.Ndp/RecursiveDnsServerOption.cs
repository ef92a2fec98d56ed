using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Ndp;

/// <summary>Recursive DNS Server option (RFC 8106 section 5.1).</summary>
public sealed record RecursiveDnsServerOption : NdpOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="lifetime">Lifetime in seconds (0: stop using, 0xffffffff: infinity).</param>
    /// <param name="servers">One or more IPv6 addresses.</param>
    /// <exception cref="ArgumentException">No servers, or a server is not IPv6.</exception>
    public RecursiveDnsServerOption(uint lifetime, params IEnumerable<IPAddress> servers)
    {
        var list = new List<IPAddress>(servers);
        if (list.Count == 0 || list.Exists(s => s.AddressFamily != AddressFamily.InterNetworkV6))
            throw new ArgumentException("RDNSS needs one or more IPv6 addresses (RFC 8106 section 5.1).", nameof(servers));
        Lifetime = lifetime;
        Servers = list.AsReadOnly();
    }

    private RecursiveDnsServerOption(uint lifetime, IReadOnlyList<IPAddress> servers, bool _)
    {
        Lifetime = lifetime;
        Servers = servers;
    }

    /// <summary>Lifetime in seconds (0: stop using, 0xffffffff: infinity).</summary>
    public uint Lifetime { get; }

    /// <summary>The recursive DNS servers, in preference order.</summary>
    public IReadOnlyList<IPAddress> Servers { get; }

    /// <inheritdoc/>
    public override NdpOptionType Type => NdpOptionType.RecursiveDnsServer;

    private protected override int BodyLength => 6 + (16 * Servers.Count);

    private protected override void WriteBody(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], Lifetime);
        for (int i = 0; i < Servers.Count; i++)
            Servers[i].TryWriteBytes(destination[(6 + (16 * i))..], out _);
    }

    internal static NdpOption Decode(in RawNdpOption raw)
    {
        // RFC 8106 section 5.1: Length is 3 for one address, plus 2 per extra address, so odd and at least 3.
        int units = raw.Length / 8;
        if (units < 3 || units % 2 == 0)
            return raw.Malformed($"RDNSS length {units} units is not an odd number of at least 3");
        ReadOnlySpan<byte> body = raw.Body;
        var servers = new IPAddress[(units - 1) / 2];
        for (int i = 0; i < servers.Length; i++)
            servers[i] = new IPAddress(body.Slice(6 + (16 * i), 16));
        return new RecursiveDnsServerOption(BinaryPrimitives.ReadUInt32BigEndian(body[2..]), Array.AsReadOnly(servers), false);
    }
}
