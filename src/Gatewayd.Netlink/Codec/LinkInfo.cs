using System.Diagnostics.CodeAnalysis;
using System.Net.NetworkInformation;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>A network interface: <c>struct ifinfomsg</c> and the attributes gatewayd uses.</summary>
public sealed record LinkInfo
{
    /// <summary><c>ifi_index</c> (0 in a create request: let the kernel choose).</summary>
    public int Index { get; init; }

    /// <summary><c>ifi_type</c>: the <c>ARPHRD_*</c> device type (1 ether, 772 loopback, 769 ip6tnl).</summary>
    public ushort DeviceType { get; init; }

    /// <summary><c>ifi_flags</c>.</summary>
    public LinkFlags Flags { get; init; }

    /// <summary><c>ifi_change</c>: in a request, which <see cref="Flags"/> bits to change.</summary>
    public LinkFlags ChangeMask { get; init; }

    /// <summary><c>IFLA_IFNAME</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>IFLA_MTU</c>.</summary>
    public uint? Mtu { get; init; }

    /// <summary><c>IFLA_LINK</c>: the index of the link this one sits on (a veth's peer, a tunnel's underlay).</summary>
    public int? ParentIndex { get; init; }

    /// <summary><c>IFLA_OPERSTATE</c>.</summary>
    public OperationalState? OperationalState { get; init; }

    /// <summary><c>IFLA_ADDRESS</c>: the link-layer address (for ip6tnl, the 16-byte local address).</summary>
    public PhysicalAddress? HardwareAddress { get; init; }

    /// <summary><c>IFLA_INFO_KIND</c>: <c>ip6tnl</c>, <c>veth</c>, <c>bridge</c>, ... (null for physical devices and loopback).</summary>
    public string? Kind { get; init; }

    /// <summary>The <c>IFLA_INFO_DATA</c> when <see cref="Kind"/> is <c>ip6tnl</c>.</summary>
    public Ip6TunnelInfo? Ip6Tunnel { get; init; }

    /// <summary>Decodes an <c>RTM_NEWLINK</c>/<c>RTM_DELLINK</c>/<c>RTM_GETLINK</c> message.</summary>
    /// <param name="message">The whole message, netlink header included.</param>
    /// <param name="link">The link.</param>
    /// <param name="error">Why decoding failed, with the byte offset in <paramref name="message"/>.</param>
    /// <returns>False on malformed input; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out LinkInfo? link, out NetlinkParseError error)
    {
        link = null;
        if (!MessageBody.TrySplit(message, RtnetlinkConstants.RtmNewLink, RtnetlinkConstants.RtmGetLink, LinkConstants.IfinfomsgLength, out var ifi, out var attributes, out error))
        {
            return false;
        }

        var result = new LinkInfo
        {
            DeviceType = HostOrder.U16(ifi[2..]),
            Index = HostOrder.I32(ifi[4..]),
            Flags = (LinkFlags)HostOrder.U32(ifi[8..]),
            ChangeMask = (LinkFlags)HostOrder.U32(ifi[12..]),
        };
        while (attributes.TryReadNext(out var a))
        {
            var ok = true;
            switch (a.Type)
            {
                case LinkConstants.IflaIfname:
                    result = result with { Name = a.GetString() };
                    break;
                case LinkConstants.IflaMtu:
                    ok = a.TryGetU32(out var mtu, out error);
                    result = result with { Mtu = mtu };
                    break;
                case LinkConstants.IflaLink:
                    ok = a.TryGetU32(out var parent, out error);
                    result = result with { ParentIndex = (int)parent };
                    break;
                case LinkConstants.IflaOperstate:
                    ok = a.TryGetU8(out var state, out error);
                    result = result with { OperationalState = (OperationalState)state };
                    break;
                case LinkConstants.IflaAddress:
                    result = result with { HardwareAddress = new PhysicalAddress(a.Value.ToArray()) };
                    break;
                case LinkConstants.IflaLinkinfo:
                    ok = TryParseLinkInfo(a.Nested(), ref result, out error);
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
        link = result;
        return true;
    }

    /// <summary>Writes the <c>ifinfomsg</c> and attributes (after the netlink header).</summary>
    /// <param name="writer">The message being built.</param>
    public void WriteTo(NetlinkWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var ifi = writer.Reserve(LinkConstants.IfinfomsgLength);
        HostOrder.Write(ifi[2..], DeviceType);
        HostOrder.Write(ifi[4..], Index);
        HostOrder.Write(ifi[8..], (uint)Flags);
        HostOrder.Write(ifi[12..], (uint)ChangeMask);

        // Same order as iproute2's `ip link add`, so a capture of it compares byte for byte.
        if (Mtu is { } mtu)
        {
            writer.WriteU32(LinkConstants.IflaMtu, mtu);
        }

        if (Name is not null)
        {
            writer.WriteString(LinkConstants.IflaIfname, Name);
        }

        if (Kind is not null)
        {
            var info = writer.BeginNested(LinkConstants.IflaLinkinfo);
            writer.WriteString(LinkConstants.IflaInfoKind, Kind, nulTerminated: false); // as iproute2 sends it
            if (Ip6Tunnel is not null && Kind == LinkConstants.KindIp6Tnl)
            {
                var data = writer.BeginNested(LinkConstants.IflaInfoData);
                Ip6Tunnel.WriteTo(writer);
                writer.EndNested(data);
            }

            writer.EndNested(info);
        }

        if (ParentIndex is { } parent)
        {
            writer.WriteU32(LinkConstants.IflaLink, (uint)parent);
        }

        if (OperationalState is { } state)
        {
            writer.WriteU8(LinkConstants.IflaOperstate, (byte)state);
        }

        if (HardwareAddress is not null)
        {
            writer.WriteBytes(LinkConstants.IflaAddress, HardwareAddress.GetAddressBytes());
        }
    }

    /// <summary>Encodes this link as a complete request message.</summary>
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

    /// <summary>Names the link for errors and logs: <c>mape0</c>, or <c>#7</c> when only the index is known.</summary>
    /// <returns>The description.</returns>
    public string Describe() => Name ?? $"#{Index}";

    private static bool TryParseLinkInfo(AttributeReader info, ref LinkInfo result, out NetlinkParseError error)
    {
        var dataOffset = -1;
        ReadOnlySpan<byte> data = default;
        while (info.TryReadNext(out var a))
        {
            if (a.Type == LinkConstants.IflaInfoKind)
            {
                result = result with { Kind = a.GetString() };
            }
            else if (a.Type == LinkConstants.IflaInfoData)
            {
                data = a.Value;
                dataOffset = a.ValueOffset;
            }
        }

        if (info.Error is { } e)
        {
            error = e;
            return false;
        }

        error = default;
        if (dataOffset >= 0 && result.Kind == LinkConstants.KindIp6Tnl)
        {
            if (!Ip6TunnelInfo.TryParse(new AttributeReader(data, dataOffset), out var tunnel, out error))
            {
                return false;
            }

            result = result with { Ip6Tunnel = tunnel };
        }

        return true;
    }
}
