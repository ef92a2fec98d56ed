using System.Net;

namespace Gatewayd.Dhcp6.Client;

/// <summary>One datagram as received on port 546.</summary>
/// <param name="Data">The DHCPv6 message bytes.</param>
/// <param name="Source">The sender's address (a server's or relay's link-local, normally).</param>
/// <param name="WasMulticast">True when it arrived addressed to a multicast group rather than to us (Reconfigure must be unicast).</param>
public readonly record struct Dhcp6Datagram(ReadOnlyMemory<byte> Data, IPAddress Source, bool WasMulticast);

/// <summary>
/// Sends client messages to All_DHCP_Relay_Agents_and_Servers on the WAN link and receives what comes back. One
/// implementation owns the UDP socket; tests use an in-memory twin.
/// </summary>
public interface IDhcp6Transport : IAsyncDisposable
{
    /// <summary>Sends one message to ff02::1:2 port 547 on the WAN link.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>Waits for the next datagram.</summary>
    ValueTask<Dhcp6Datagram> ReceiveAsync(CancellationToken cancellationToken);
}
