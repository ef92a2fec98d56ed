using System.Diagnostics.CodeAnalysis;
using System.Net;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>A policy-routing rule: <c>struct fib_rule_hdr</c> and its attributes.</summary>
public sealed record RuleInfo
{
    /// <summary><c>frh.family</c>.</summary>
    public InetFamily Family { get; init; }

    /// <summary><c>frh.dst_len</c>.</summary>
    public byte DestinationLength { get; init; }

    /// <summary><c>frh.src_len</c>.</summary>
    public byte SourceLength { get; init; }

    /// <summary><c>frh.tos</c>.</summary>
    public byte Tos { get; init; }

    /// <summary>The table: <c>FRA_TABLE</c> when present, else <c>frh.table</c>.</summary>
    public uint Table { get; init; }

    /// <summary><c>frh.action</c>.</summary>
    public RuleAction Action { get; init; } = RuleAction.ToTable;

    /// <summary><c>frh.flags</c> (<c>FIB_RULE_*</c>, e.g. 0x2 invert).</summary>
    public uint Flags { get; init; }

    /// <summary><c>FRA_PRIORITY</c>: the rule's position (null: the kernel picks one, or 0 in a dump).</summary>
    public uint? Priority { get; init; }

    /// <summary><c>FRA_FWMARK</c>.</summary>
    public uint? FirewallMark { get; init; }

    /// <summary><c>FRA_FWMASK</c>.</summary>
    public uint? FirewallMask { get; init; }

    /// <summary><c>FRA_IFNAME</c> (<c>FRA_IIFNAME</c>): match the input interface (<c>iif</c>).</summary>
    public string? InputInterface { get; init; }

    /// <summary><c>FRA_OIFNAME</c>: match the output interface (<c>oif</c>).</summary>
    public string? OutputInterface { get; init; }

    /// <summary><c>FRA_SRC</c>: source prefix, with <see cref="SourceLength"/>.</summary>
    public IPAddress? Source { get; init; }

    /// <summary><c>FRA_DST</c>: destination prefix, with <see cref="DestinationLength"/>.</summary>
    public IPAddress? Destination { get; init; }

    /// <summary><c>FRA_PROTOCOL</c>: who installed the rule.</summary>
    public byte? Protocol { get; init; }

    /// <summary>Decodes an <c>RTM_NEWRULE</c>/<c>RTM_DELRULE</c>/<c>RTM_GETRULE</c> message.</summary>
    /// <param name="message">The whole message, netlink header included.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="error">Why decoding failed, with the byte offset in <paramref name="message"/>.</param>
    /// <returns>False on malformed input; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out RuleInfo? rule, out NetlinkParseError error)
    {
        rule = null;
        if (!MessageBody.TrySplit(message, RtnetlinkConstants.RtmNewRule, RtnetlinkConstants.RtmGetRule, RuleConstants.FibRuleHdrLength, out var frh, out var attributes, out error))
        {
            return false;
        }

        var family = (InetFamily)frh[0];
        var result = new RuleInfo
        {
            Family = family,
            DestinationLength = frh[1],
            SourceLength = frh[2],
            Tos = frh[3],
            Table = frh[4],
            Action = (RuleAction)frh[7],
            Flags = HostOrder.U32(frh[8..]),
        };
        while (attributes.TryReadNext(out var a))
        {
            var ok = true;
            switch (a.Type)
            {
                case RuleConstants.FraPriority:
                    ok = a.TryGetU32(out var priority, out error);
                    result = result with { Priority = priority };
                    break;
                case RuleConstants.FraFwmark:
                    ok = a.TryGetU32(out var mark, out error);
                    result = result with { FirewallMark = mark };
                    break;
                case RuleConstants.FraFwmask:
                    ok = a.TryGetU32(out var mask, out error);
                    result = result with { FirewallMask = mask };
                    break;
                case RuleConstants.FraTable:
                    ok = a.TryGetU32(out var table, out error);
                    result = result with { Table = table };
                    break;
                case RuleConstants.FraIifname:
                    result = result with { InputInterface = a.GetString() };
                    break;
                case RuleConstants.FraOifname:
                    result = result with { OutputInterface = a.GetString() };
                    break;
                case RuleConstants.FraSrc:
                    ok = a.TryGetAddress(family, out var src, out error);
                    result = result with { Source = src };
                    break;
                case RuleConstants.FraDst:
                    ok = a.TryGetAddress(family, out var dst, out error);
                    result = result with { Destination = dst };
                    break;
                case RuleConstants.FraProtocol:
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
        rule = result;
        return true;
    }

    /// <summary>Writes the <c>fib_rule_hdr</c> and attributes (after the netlink header).</summary>
    /// <param name="writer">The message being built.</param>
    public void WriteTo(NetlinkWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var frh = writer.Reserve(RuleConstants.FibRuleHdrLength);
        frh[0] = (byte)Family;
        frh[1] = DestinationLength;
        frh[2] = SourceLength;
        frh[3] = Tos;
        frh[4] = Table <= byte.MaxValue ? (byte)Table : RtnetlinkConstants.RtTableCompat;
        frh[7] = (byte)Action;
        HostOrder.Write(frh[8..], Flags);
        if (Priority is { } priority)
        {
            writer.WriteU32(RuleConstants.FraPriority, priority);
        }

        if (FirewallMark is { } mark)
        {
            writer.WriteU32(RuleConstants.FraFwmark, mark);
        }

        if (FirewallMask is { } mask)
        {
            writer.WriteU32(RuleConstants.FraFwmask, mask);
        }

        if (Table != 0)
        {
            writer.WriteU32(RuleConstants.FraTable, Table);
        }

        if (InputInterface is not null)
        {
            writer.WriteString(RuleConstants.FraIifname, InputInterface);
        }

        if (OutputInterface is not null)
        {
            writer.WriteString(RuleConstants.FraOifname, OutputInterface);
        }

        if (Source is not null)
        {
            writer.WriteAddress(RuleConstants.FraSrc, Source);
        }

        if (Destination is not null)
        {
            writer.WriteAddress(RuleConstants.FraDst, Destination);
        }

        if (Protocol is { } proto)
        {
            writer.WriteU8(RuleConstants.FraProtocol, proto);
        }
    }

    /// <summary>Encodes this rule as a complete request message.</summary>
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

    /// <summary>Names the rule for errors and logs, like <c>ip rule</c>: <c>pref 1000 fwmark 0x1/0xff iif lan0 lookup 100 proto 157</c>.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var text = Priority is { } p ? $"pref {p}" : "pref auto";
        if (Source is not null)
        {
            text += $" from {Source}/{SourceLength}";
        }

        if (Destination is not null)
        {
            text += $" to {Destination}/{DestinationLength}";
        }

        if (FirewallMark is { } mark)
        {
            text += FirewallMask is { } mask ? $" fwmark 0x{mark:x}/0x{mask:x}" : $" fwmark 0x{mark:x}";
        }

        if (InputInterface is not null)
        {
            text += $" iif {InputInterface}";
        }

        if (OutputInterface is not null)
        {
            text += $" oif {OutputInterface}";
        }

        text += Action == RuleAction.ToTable ? $" lookup {Table}" : $" action {Action}";
        if (Protocol is { } proto)
        {
            text += $" proto {proto}";
        }

        return text;
    }
}
