using System.Text;
using System.Text.Json;
using Gatewayd.Nftables;
using Gatewayd.Planning;

namespace Gatewayd.Cli;

/// <summary>How a desired network reads to a person (text) and to a script (JSON).</summary>
internal static class PlanReport
{
    public static string ToText(DesiredNetwork plan)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Prefix     {plan.DelegatedPrefix?.ToString() ?? "(none)"}");
        if (plan.Softwire?.MapE is { } m)
            sb.AppendLine($"MAP-E      IPv4 {m.Ipv4Address}, PSID {m.Psid}, {(m.IsPortRestricted ? $"{m.PortCount} ports in {m.PortBlocks.Count} blocks" : "all ports")}, CE {m.CeAddress}");
        if (plan.Softwire?.Fixed is { } f)
            sb.AppendLine($"IPIP6      IPv4 {f.Ipv4Address} (all ports), CE {f.CeAddress}");
        if (plan.Softwire?.DsLite is { } d)
            sb.AppendLine($"DS-Lite    B4 {d.B4Address}, AFTR {d.AftrAddress?.ToString() ?? d.AftrName}");
        if (plan.Tunnel is { } t)
        {
            sb.AppendLine($"Tunnel     {t.Name}: {t.Kind} mode {t.Mode} local {t.Local} remote {t.Remote?.ToString() ?? $"(unresolved {t.RemoteName})"} dev {t.Underlay} encaplimit none mtu {t.Mtu}");
        }
        foreach (var a in plan.Addresses)
            sb.AppendLine($"Address    {a.Address} dev {a.Interface}{(a.NoDad ? " nodad" : "")}  # {a.Purpose}");
        foreach (var r in plan.Routes)
            sb.AppendLine($"Route      {(r.Type == RouteType.Unreachable ? "unreachable " : "")}{r.Destination}{(r.Device is null ? "" : $" dev {r.Device}")}{(r.Metric == 0 ? "" : $" metric {r.Metric}")}{(r.Table == "main" ? "" : $" table {r.Table}")}  # {r.Purpose}");
        foreach (var p in plan.Problems)
            sb.AppendLine($"Problem    {p}");
        if (plan.Ruleset is { } rs)
        {
            sb.AppendLine();
            sb.AppendLine("# nft ruleset (gatewayd replaces only its own table, in one transaction)");
            sb.Append(RulesetRenderer.Render(rs));
        }
        return sb.ToString();
    }

    public static void WriteJson(Utf8JsonWriter w, DesiredNetwork plan)
    {
        w.WriteStartObject();
        w.WriteString("delegatedPrefix", plan.DelegatedPrefix?.ToString());
        w.WriteString("mode", plan.Softwire?.Mode ?? "none");
        w.WritePropertyName("mapE");
        if (plan.Softwire?.MapE is { } m)
            MapeReport.WriteJson(w, m);
        else
            w.WriteNullValue();
        WriteFixed(w, plan);
        WriteDsLite(w, plan);
        WriteTunnel(w, plan.Tunnel);
        w.WriteStartArray("addresses");
        foreach (var a in plan.Addresses)
        {
            w.WriteStartObject();
            w.WriteString("interface", a.Interface);
            w.WriteString("address", a.Address.ToString());
            w.WriteBoolean("noDad", a.NoDad);
            w.WriteString("purpose", a.Purpose);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("routes");
        foreach (var r in plan.Routes)
        {
            w.WriteStartObject();
            w.WriteString("destination", r.Destination.ToString());
            w.WriteString("type", r.Type == RouteType.Unreachable ? "unreachable" : "unicast");
            w.WriteString("device", r.Device);
            w.WriteNumber("metric", r.Metric);
            w.WriteString("table", r.Table);
            w.WriteString("purpose", r.Purpose);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("nftRuleset", plan.Ruleset is null ? null : RulesetRenderer.Render(plan.Ruleset));
        w.WriteStartArray("problems");
        foreach (var p in plan.Problems)
            w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFixed(Utf8JsonWriter w, DesiredNetwork plan)
    {
        w.WritePropertyName("ipip6");
        if (plan.Softwire?.Fixed is not { } f)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("ipv4Address", f.Ipv4Address.ToString());
        w.WriteString("ceAddress", f.CeAddress.ToString());
        w.WriteString("brAddress", f.BrAddress.ToString());
        w.WriteEndObject();
    }

    private static void WriteDsLite(Utf8JsonWriter w, DesiredNetwork plan)
    {
        w.WritePropertyName("dsLite");
        if (plan.Softwire?.DsLite is not { } d)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("b4Address", d.B4Address.ToString());
        w.WriteString("aftrAddress", d.AftrAddress?.ToString());
        w.WriteString("aftrName", d.AftrName);
        w.WriteString("tunnelIpv4", $"{d.TunnelIpv4}/{d.TunnelIpv4PrefixLength}");
        w.WriteEndObject();
    }

    private static void WriteTunnel(Utf8JsonWriter w, TunnelSpec? t)
    {
        w.WritePropertyName("tunnel");
        if (t is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("name", t.Name);
        w.WriteString("kind", t.Kind);
        w.WriteString("mode", t.Mode);
        w.WriteString("underlay", t.Underlay);
        w.WriteString("local", t.Local.ToString());
        w.WriteString("remote", t.Remote?.ToString());
        w.WriteString("remoteName", t.RemoteName);
        w.WriteNumber("mtu", t.Mtu);
        w.WriteString("encapLimit", "none");
        w.WriteEndObject();
    }
}
