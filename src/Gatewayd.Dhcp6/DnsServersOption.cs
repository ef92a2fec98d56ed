using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_DNS_SERVERS (RFC 3646 section 3): recursive DNS server addresses in preference order.</summary>
public sealed record DnsServersOption : Dhcp6Option
{
    /// <summary>Creates the option.</summary>
    /// <param name="servers">IPv6 addresses, at least one.</param>
    /// <exception cref="ArgumentException">A server is not IPv6, or there are none.</exception>
    public DnsServersOption(params IEnumerable<IPAddress> servers)
    {
        var list = new List<IPAddress>(servers);
        if (list.Count == 0)
            ThrowHelper.Argument(nameof(servers), "DNS_SERVERS needs at least one address (RFC 3646 section 3).");
        foreach (IPAddress server in list)
        {
            if (server.AddressFamily != AddressFamily.InterNetworkV6)
                ThrowHelper.Argument(nameof(servers), $"{server} is not an IPv6 address.");
        }

        Servers = list.AsReadOnly();
    }

    private DnsServersOption(IReadOnlyList<IPAddress> servers, bool _) => Servers = servers;

    /// <summary>The server addresses, in wire order.</summary>
    public IReadOnlyList<IPAddress> Servers { get; }

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.DnsServers;

    /// <inheritdoc/>
    public override int ValueLength => Servers.Count * 16;

    private protected override void WriteValue(Span<byte> destination)
    {
        for (int i = 0; i < Servers.Count; i++)
            Servers[i].TryWriteBytes(destination[(i * 16)..], out _);
    }

    internal static DnsServersOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        if (raw.Length == 0 || raw.Length % 16 != 0)
        {
            error = raw.Length == 0
                ? raw.Error(Dhcp6ParseErrorKind.EmptyValue, "zero-length DNS_SERVERS")
                : raw.Error(Dhcp6ParseErrorKind.BadLength, $"DNS_SERVERS length {raw.Length} is not a multiple of 16");
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        var servers = new IPAddress[raw.Length / 16];
        for (int i = 0; i < servers.Length; i++)
            servers[i] = new IPAddress(value.Slice(i * 16, 16));
        error = null;
        return new DnsServersOption(Array.AsReadOnly(servers), false);
    }
}
