using System.Text;
using System.Text.Json;
using Gatewayd.Softwire;

namespace Gatewayd.Cli;

/// <summary>How a MAP-E result reads to a person and to a script. The JSON keys are a contract: add, never rename.</summary>
internal static class MapeReport
{
    private const int BlockColumns = 4;

    public static string ToText(MapeResult r)
    {
        var sb = new StringBuilder();
        var rule = r.Rule;
        Line(sb, "VNE", rule.Vne ?? "(manual rule)");
        Line(sb, "Rule", $"{rule.Ipv6Prefix} -> {rule.Ipv4Prefix}, EA bits {rule.EaBitsLength}, PSID offset {rule.PsidOffset}");
        Line(sb, "Prefix", r.DelegatedPrefix.ToString());
        Line(sb, "IPv4", r.Ipv4PrefixLength == 32 ? r.Ipv4Address.ToString() : $"{r.Ipv4Address}/{r.Ipv4PrefixLength}");
        Line(sb, "PSID", r.PsidLength == 0 ? "none (no port restriction)" : $"{r.Psid} (0x{r.Psid:x}, {r.PsidLength} bits)");
        Line(sb, "CE", $"{r.CeAddress} ({(r.InterfaceIdForm == InterfaceIdForm.Draft03 ? "draft-03" : "RFC 7597")} interface id)");
        Line(sb, "BR", r.BrAddress?.ToString() ?? "unknown (give it with --rule ...,<br>)");
        if (!r.IsPortRestricted)
        {
            Line(sb, "Ports", "all (no port restriction)");
            return sb.ToString();
        }
        var size = r.PortBlocks[0].Count;
        Line(sb, "Ports", $"{r.PortCount} in {r.PortBlocks.Count} block{(r.PortBlocks.Count == 1 ? "" : "s")} of {size}");
        sb.AppendLine();
        for (var i = 0; i < r.PortBlocks.Count; i++)
        {
            var b = r.PortBlocks[i];
            sb.Append($"  {$"{b.Start}-{b.End}",-13}");
            if (i % BlockColumns == BlockColumns - 1 || i == r.PortBlocks.Count - 1)
            {
                sb.Length = TrimEnd(sb);
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    private static int TrimEnd(StringBuilder sb)
    {
        var n = sb.Length;
        while (n > 0 && sb[n - 1] == ' ')
            n--;
        return n;
    }

    private static void Line(StringBuilder sb, string label, string value) => sb.AppendLine($"{label,-8}{value}");

    public static void WriteJson(Utf8JsonWriter w, MapeResult r)
    {
        w.WriteStartObject();
        w.WriteString("vne", r.Rule.Vne);
        w.WritePropertyName("rule");
        w.WriteStartObject();
        w.WriteString("ipv6Prefix", r.Rule.Ipv6Prefix.ToString());
        w.WriteString("ipv4Prefix", r.Rule.Ipv4Prefix.ToString());
        w.WriteNumber("eaBitsLength", r.Rule.EaBitsLength);
        w.WriteNumber("psidOffset", r.Rule.PsidOffset);
        w.WriteEndObject();
        w.WriteString("delegatedPrefix", r.DelegatedPrefix.ToString());
        w.WriteString("ipv4Address", r.Ipv4Address.ToString());
        w.WriteNumber("ipv4PrefixLength", r.Ipv4PrefixLength);
        w.WriteNumber("psid", r.Psid);
        w.WriteNumber("psidLength", r.PsidLength);
        w.WriteString("ceAddress", r.CeAddress.ToString());
        w.WriteString("interfaceId", r.InterfaceIdForm == InterfaceIdForm.Draft03 ? "draft03" : "rfc7597");
        w.WriteString("brAddress", r.BrAddress?.ToString());
        w.WriteBoolean("portRestricted", r.IsPortRestricted);
        w.WriteNumber("portCount", r.PortCount);
        w.WritePropertyName("portBlocks");
        w.WriteStartArray();
        foreach (var b in r.PortBlocks)
        {
            w.WriteStartObject();
            w.WriteNumber("start", b.Start);
            w.WriteNumber("end", b.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
