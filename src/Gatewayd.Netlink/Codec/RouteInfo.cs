using System.Diagnostics.CodeAnalysis;
using System.Net;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>A route: <c>struct rtmsg</c> and its attributes.</summary>
public sealed record RouteInfo
{
    /// <summary><c>RT_TABLE_MAIN</c>.</summary>
    public const uint MainTable = RtnetlinkConstants.RtTableMain;

    /// <summary><c>rtm_family</c>.</summary>
    public InetFamily Family { get; init; }

    /// <summary><c>rtm_dst_len</c>: 0 for a default route.</summary>
    public byte DestinationLength { get; init; }

    /// <summary><c>rtm_src_len</c>.</summary>
    public byte SourceLength { get; init; }

    /// <summary><c>rtm_tos</c>.</summary>
    public byte Tos { get; init; }

    /// <summary>The table: <c>RTA_TABLE</c> when present, else <c>rtm_table</c>.</summary>
    public uint Table { get; init; } = MainTable;

    /// <summary><c>rtm_protocol</c>: who installed the route (<c>RTPROT_*</c> or a number of our own).</summary>
    public byte Protocol { get; init; } = RtnetlinkConstants.RtprotBoot;

    /// <summary><c>rtm_scope</c>.</summary>
    public RouteScope Scope { get; init; }

    /// <summary><c>rtm_type</c>.</summary>
    public RouteType Type { get; init; } = RouteType.Unicast;

    /// <summary><c>rtm_flags</c> (<c>RTM_F_*</c>, <c>RTNH_F_*</c>).</summary>
    public uint Flags { get; init; }

    /// <summary><c>RTA_DST</c>: null for a default route.</summary>
    public IPAddress? Destination { get; init; }

    /// <summary><c>RTA_SRC</c>: source prefix (IPv6 subtrees).</summary>
    public IPAddress? Source { get; init; }

    /// <summary><c>RTA_GATEWAY</c>.</summary>
    public IPAddress? Gateway { get; init; }

    /// <summary><c>RTA_OIF</c>: the output interface index.</summary>
    public int? OutputInterface { get; init; }

    /// <summary><c>RTA_PRIORITY</c>: the metric.</summary>
    public uint? Priority { get; init; }

    /// <summary><c>RTA_PREFSRC</c>: the preferred source address.</summary>
    public IPAddress? PreferredSource { get; init; }

    /// <summary>
    /// Seconds until the route expires (IPv6). Requests carry <c>RTA_EXPIRES</c>; the kernel reports the remaining time in
    /// <c>RTA_CACHEINFO.rta_expires</c> (clock ticks), which is read here rounded down to seconds.
    /// </summary>
    public uint? ExpiresSeconds { get; init; }

    /// <summary>Decodes an <c>RTM_NEWROUTE</c>/<c>RTM_DELROUTE</c>/<c>RTM_GETROUTE</c> message.</summary>
    /// <param name="message">The whole message, netlink header included.</param>
    /// <param name="route">The route.</param>
    /// <param name="error">Why decoding failed, with the byte offset in <paramref name="message"/>.</param>
    /// <returns>False on malformed input; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out RouteInfo? route, out NetlinkParseError error)
    {
        route = null;
        if (!MessageBody.TrySplit(message, RtnetlinkConstants.RtmNewRoute, RtnetlinkConstants.RtmGetRoute, RtnetlinkConstants.RtmsgLength, out var rtm, out var attributes, out error))
        {
            return false;
        }

        var family = (InetFamily)rtm[0];
        var result = new RouteInfo
        {
            Family = family,
            DestinationLength = rtm[1],
            SourceLength = rtm[2],
            Tos = rtm[3],
            Table = rtm[4],
            Protocol = rtm[5],
            Scope = (RouteScope)rtm[6],
            Type = (RouteType)rtm[7],
            Flags = HostOrder.U32(rtm[8..]),
        };
        uint? expires = null;
        uint? cacheExpires = null;
        while (attributes.TryReadNext(out var a))
        {
            var ok = true;
            switch (a.Type)
            {
                case RtnetlinkConstants.RtaDst:
                    ok = a.TryGetAddress(family, out var dst, out error);
                    result = result with { Destination = dst };
                    break;
                case RtnetlinkConstants.RtaSrc:
                    ok = a.TryGetAddress(family, out var src, out error);
                    result = result with { Source = src };
                    break;
                case RtnetlinkConstants.RtaGateway:
                    ok = a.TryGetAddress(family, out var gw, out error);
                    result = result with { Gateway = gw };
                    break;
                case RtnetlinkConstants.RtaPrefsrc:
                    ok = a.TryGetAddress(family, out var prefsrc, out error);
                    result = result with { PreferredSource = prefsrc };
                    break;
                case RtnetlinkConstants.RtaOif:
                    ok = a.TryGetU32(out var oif, out error);
                    result = result with { OutputInterface = (int)oif };
                    break;
                case RtnetlinkConstants.RtaPriority:
                    ok = a.TryGetU32(out var priority, out error);
                    result = result with { Priority = priority };
                    break;
                case RtnetlinkConstants.RtaTable:
                    ok = a.TryGetU32(out var table, out error);
                    result = result with { Table = table };
                    break;
                case RtnetlinkConstants.RtaExpires:
                    ok = a.TryGetU32(out var seconds, out error);
                    expires = seconds;
                    break;
                case RtnetlinkConstants.RtaCacheinfo:
                    if (a.Value.Length < RtnetlinkConstants.RtaCacheinfoExpiresOffset + 4)
                    {
                        error = new NetlinkParseError(NetlinkParseErrorKind.BadAttributeValue, a.Offset, $"RTA_CACHEINFO of {a.Value.Length} bytes, expected {RtnetlinkConstants.RtaCacheinfoLength}");
                        return false;
                    }

                    // rta_expires is signed clock_t; 0 means "does not expire" (RTF_EXPIRES clear).
                    var ticks = HostOrder.I32(a.Value[RtnetlinkConstants.RtaCacheinfoExpiresOffset..]);
                    cacheExpires = ticks > 0 ? (uint)(ticks / RtnetlinkConstants.UserHz) : null;
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
        route = result with { ExpiresSeconds = expires ?? cacheExpires };
        return true;
    }

    /// <summary>Writes the <c>rtmsg</c> and attributes (after the netlink header).</summary>
    /// <param name="writer">The message being built.</param>
    public void WriteTo(NetlinkWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var rtm = writer.Reserve(RtnetlinkConstants.RtmsgLength);
        rtm[0] = (byte)Family;
        rtm[1] = DestinationLength;
        rtm[2] = SourceLength;
        rtm[3] = Tos;

        // rtm_table is 8 bits: larger ids go in RTA_TABLE with RT_TABLE_COMPAT here, as the kernel itself reports them.
        rtm[4] = Table <= byte.MaxValue ? (byte)Table : RtnetlinkConstants.RtTableCompat;
        rtm[5] = Protocol;
        rtm[6] = (byte)Scope;
        rtm[7] = (byte)Type;
        HostOrder.Write(rtm[8..], Flags);
        if (Table != 0)
        {
            writer.WriteU32(RtnetlinkConstants.RtaTable, Table);
        }

        WriteAddress(writer, RtnetlinkConstants.RtaDst, Destination);
        WriteAddress(writer, RtnetlinkConstants.RtaSrc, Source);
        WriteAddress(writer, RtnetlinkConstants.RtaGateway, Gateway);
        WriteAddress(writer, RtnetlinkConstants.RtaPrefsrc, PreferredSource);
        if (OutputInterface is { } oif)
        {
            writer.WriteU32(RtnetlinkConstants.RtaOif, (uint)oif);
        }

        if (Priority is { } priority)
        {
            writer.WriteU32(RtnetlinkConstants.RtaPriority, priority);
        }

        if (ExpiresSeconds is { } expires)
        {
            writer.WriteU32(RtnetlinkConstants.RtaExpires, expires);
        }
    }

    /// <summary>Encodes this route as a complete request message.</summary>
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

    /// <summary>Names the route for errors and logs, like <c>ip route</c>: <c>unreachable 2001:db8::/56 table 254 proto 157 metric 1024</c>.</summary>
    /// <param name="deviceName">The output interface's name, when known.</param>
    /// <returns>The description.</returns>
    public string Describe(string? deviceName = null)
    {
        var destination = Destination?.ToString() ?? (Family == InetFamily.IPv6 ? "::" : "0.0.0.0");
        var text = Type == RouteType.Unicast ? string.Empty : Type.ToString().ToLowerInvariant() + " ";
        text += $"{destination}/{DestinationLength}";
        if (Gateway is not null)
        {
            text += $" via {Gateway}";
        }

        if (OutputInterface is { } oif)
        {
            text += $" dev {deviceName ?? $"#{oif}"}";
        }

        text += $" table {Table} proto {Protocol}";
        if (Priority is { } metric)
        {
            text += $" metric {metric}";
        }

        return text;
    }

    private static void WriteAddress(NetlinkWriter writer, ushort type, IPAddress? address)
    {
        if (address is not null)
        {
            writer.WriteAddress(type, address);
        }
    }
}
