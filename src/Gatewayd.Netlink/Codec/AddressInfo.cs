using System.Diagnostics.CodeAnalysis;
using System.Net;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>An interface address: <c>struct ifaddrmsg</c> and its attributes.</summary>
public sealed record AddressInfo
{
    /// <summary><c>ifa_family</c>.</summary>
    public InetFamily Family { get; init; }

    /// <summary><c>ifa_prefixlen</c>.</summary>
    public byte PrefixLength { get; init; }

    /// <summary>The flags: <c>IFA_FLAGS</c> when present, otherwise the 8-bit <c>ifa_flags</c>.</summary>
    public AddressFlags Flags { get; init; }

    /// <summary><c>ifa_scope</c>.</summary>
    public RouteScope Scope { get; init; }

    /// <summary><c>ifa_index</c>: the interface.</summary>
    public int Index { get; init; }

    /// <summary><c>IFA_ADDRESS</c>: the address (the peer, on point-to-point links).</summary>
    public IPAddress? Address { get; init; }

    /// <summary><c>IFA_LOCAL</c>: the local address (IPv4 always sends it; IPv6 only with a peer).</summary>
    public IPAddress? Local { get; init; }

    /// <summary><c>IFA_LABEL</c> (IPv4 only).</summary>
    public string? Label { get; init; }

    /// <summary>The lifetimes from <c>IFA_CACHEINFO</c>; null when absent.</summary>
    public AddressLifetime? Lifetime { get; init; }

    /// <summary><c>IFA_PROTO</c>: who added the address (kernel 5.18+; iproute2 <c>proto</c>).</summary>
    public byte? Protocol { get; init; }

    /// <summary>The address this entry is about: <see cref="Local"/> when set, else <see cref="Address"/>.</summary>
    public IPAddress? EffectiveAddress => Local ?? Address;

    /// <summary>Decodes an <c>RTM_NEWADDR</c>/<c>RTM_DELADDR</c>/<c>RTM_GETADDR</c> message.</summary>
    /// <param name="message">The whole message, netlink header included.</param>
    /// <param name="address">The address.</param>
    /// <param name="error">Why decoding failed, with the byte offset in <paramref name="message"/>.</param>
    /// <returns>False on malformed input; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out AddressInfo? address, out NetlinkParseError error)
    {
        address = null;
        if (!MessageBody.TrySplit(message, RtnetlinkConstants.RtmNewAddr, RtnetlinkConstants.RtmGetAddr, AddressConstants.IfaddrmsgLength, out var ifa, out var attributes, out error))
        {
            return false;
        }

        var family = (InetFamily)ifa[0];
        var result = new AddressInfo
        {
            Family = family,
            PrefixLength = ifa[1],
            Flags = (AddressFlags)ifa[2],
            Scope = (RouteScope)ifa[3],
            Index = HostOrder.I32(ifa[4..]),
        };
        while (attributes.TryReadNext(out var a))
        {
            var ok = true;
            switch (a.Type)
            {
                case AddressConstants.IfaAddress:
                    ok = a.TryGetAddress(family, out var addr, out error);
                    result = result with { Address = addr };
                    break;
                case AddressConstants.IfaLocal:
                    ok = a.TryGetAddress(family, out var local, out error);
                    result = result with { Local = local };
                    break;
                case AddressConstants.IfaLabel:
                    result = result with { Label = a.GetString() };
                    break;
                case AddressConstants.IfaCacheinfo:
                    if (a.Value.Length != AddressConstants.IfaCacheinfoLength)
                    {
                        error = new NetlinkParseError(NetlinkParseErrorKind.BadAttributeValue, a.Offset, $"IFA_CACHEINFO of {a.Value.Length} bytes, expected 16");
                        return false;
                    }

                    result = result with { Lifetime = new AddressLifetime(HostOrder.U32(a.Value), HostOrder.U32(a.Value[4..])) };
                    break;
                case AddressConstants.IfaFlags:
                    ok = a.TryGetU32(out var flags, out error);
                    result = result with { Flags = (AddressFlags)flags };
                    break;
                case AddressConstants.IfaProto:
                    ok = a.TryGetU8(out var proto, out error);
                    result = result with { Protocol = proto };
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (attributes.Error is { } e)
        {
            error = e;
            return false;
        }

        error = default;
        address = result;
        return true;
    }

    /// <summary>Writes the <c>ifaddrmsg</c> and attributes (after the netlink header).</summary>
    /// <param name="writer">The message being built.</param>
    public void WriteTo(NetlinkWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var ifa = writer.Reserve(AddressConstants.IfaddrmsgLength);
        ifa[0] = (byte)Family;
        ifa[1] = PrefixLength;
        ifa[2] = (byte)Flags;
        ifa[3] = (byte)Scope;
        HostOrder.Write(ifa[4..], Index);
        if (Local is not null)
        {
            writer.WriteAddress(AddressConstants.IfaLocal, Local);
        }

        if (Address is not null)
        {
            writer.WriteAddress(AddressConstants.IfaAddress, Address);
        }

        if (Label is not null)
        {
            writer.WriteString(AddressConstants.IfaLabel, Label);
        }

        if (Lifetime is { } lifetime)
        {
            Span<byte> cacheinfo = stackalloc byte[AddressConstants.IfaCacheinfoLength];
            cacheinfo.Clear();
            HostOrder.Write(cacheinfo, lifetime.PreferredSeconds);
            HostOrder.Write(cacheinfo[4..], lifetime.ValidSeconds);
            writer.WriteBytes(AddressConstants.IfaCacheinfo, cacheinfo);
        }

        // ifa_flags holds only 8 bits; IFA_FLAGS carries all of them (IFA_F_NOPREFIXROUTE and above need it).
        writer.WriteU32(AddressConstants.IfaFlags, (uint)Flags);
        if (Protocol is { } proto)
        {
            writer.WriteU8(AddressConstants.IfaProto, proto);
        }
    }

    /// <summary>Encodes this address as a complete request message.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="flags">The message flags.</param>
    /// <param name="sequence">The sequence number.</param>
    /// <returns>The message bytes.</returns>
    public byte[] ToMessage(RtMessageType type, NetlinkMessageFlags flags, uint sequence = 0)
    {
        var writer = new NetlinkWriter((ushort)type, flags, sequence);
        WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>Names the address for errors and logs: <c>2001:db8::1/128 dev #3 proto 157</c>.</summary>
    /// <param name="deviceName">The interface name, when known.</param>
    /// <returns>The description.</returns>
    public string Describe(string? deviceName = null) =>
        $"{EffectiveAddress}/{PrefixLength} dev {deviceName ?? $"#{Index}"}" + (Protocol is { } p ? $" proto {p}" : string.Empty);
}
