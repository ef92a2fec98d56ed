using System.Net;
using System.Net.NetworkInformation;

namespace Gatewayd.Ndp;

/// <summary>One ICMPv6 message as received, with what the IP header said about it.</summary>
/// <param name="Data">The ICMPv6 message from the type byte on.</param>
/// <param name="Source">The IPv6 source address, scoped to the interface when link-local.</param>
/// <param name="Destination">The IPv6 destination address (IPV6_PKTINFO), or null when the kernel did not say.</param>
/// <param name="HopLimit">The IPv6 hop limit (IPV6_HOPLIMIT), or null when the kernel did not say.</param>
/// <param name="InterfaceIndex">The interface it arrived on, 0 when unknown.</param>
public readonly record struct RaDatagram(ReadOnlyMemory<byte> Data, IPAddress Source, IPAddress? Destination, int? HopLimit, int InterfaceIndex);

/// <summary>
/// The WAN's Router Advertisement socket: receives ICMPv6 type 134 with its hop limit, sends Router Solicitations to
/// all-routers with hop limit 255. One implementation owns the file descriptor (<c>RaSocket</c> on Linux); tests use an
/// in-memory twin.
/// </summary>
public interface IRaTransport : IAsyncDisposable
{
    /// <summary>Sends one Router Solicitation to ff02::2 on the WAN with IP hop limit 255 (RFC 4861 section 6.1.1).</summary>
    /// <param name="message">The ICMPv6 message; the checksum is the kernel's job.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed to the kernel.</returns>
    ValueTask SendSolicitationAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>Waits for the next ICMPv6 message that passed the socket's filter.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message and its IP metadata.</returns>
    ValueTask<RaDatagram> ReceiveAsync(CancellationToken cancellationToken);
}

/// <summary>What the listener needs to know about its own interface to build a Router Solicitation.</summary>
public interface IInterfaceAddresses
{
    /// <summary>The interface's link-layer address (the SLLA option's content), or null when it has none.</summary>
    /// <returns>The MAC, or null.</returns>
    PhysicalAddress? GetLinkLayerAddress();

    /// <summary>
    /// Whether the interface has a usable (not tentative, not DAD-failed) link-local address. Without one the kernel
    /// sends from the unspecified address, and an RS from :: must not carry SLLA (RFC 4861 section 4.1).
    /// </summary>
    /// <returns>True when a usable link-local address exists.</returns>
    bool HasLinkLocalAddress();
}
