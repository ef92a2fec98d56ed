using System.Net;
using System.Text;
using System.Text.Json;
using Gatewayd.Dhcp;
using Gatewayd.Dhcp6;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Ndp;
using Gatewayd.Softwire;

namespace Gatewayd.Cli;

/// <summary>What `gatewayd probe` found: the offer, and the MAP-E parameters that would follow from it.</summary>
internal sealed record ProbeReport(
    string Interface, IPAddress Server, Dhcp6Message Advertise, IReadOnlyList<MapRule> ServerRules, MapeResult? Softwire, string? SoftwireProblem,
    ReceivedRouterAdvertisement? Ra)
{
    public static ProbeReport From(string iface, PrefixOffered offer, ReceivedRouterAdvertisement? ra = null)
    {
        var rules = ServerMapRules.From(offer.Advertise.MapE);
        var first = offer.Advertise.IaPds.SelectMany(i => i.Prefixes).FirstOrDefault()?.Prefix;
        MapeResult? mape = null;
        string? problem = null;
        if (first is { } prefix)
        {
            try
            {
                var served = rules.Count > 0 ? new MapRuleTable(rules).FindLongestMatch(prefix) : null;
                mape = MapE.Calculate(prefix, served ?? MapRuleTable.BuiltIn.Resolve(prefix),
                    served is null ? InterfaceIdForm.Draft03 : InterfaceIdForm.Rfc7597);
            }
            catch (SoftwireException e)
            {
                problem = e.Message;
            }
        }
        return new ProbeReport(iface, offer.From, offer.Advertise, rules, mape, problem, ra);
    }

    private IaPdOption? Ia => Advertise.IaPds.Count > 0 ? Advertise.IaPds[0] : null;

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Interface  {Interface}");
        sb.AppendLine($"Server     {Server} (DUID {Advertise.ServerId!}), preference {Advertise.Preference}");
        foreach (var p in Ia?.Prefixes ?? [])
            sb.AppendLine($"Prefix     {p.Prefix}  preferred {p.PreferredLifetime} s, valid {p.ValidLifetime} s");
        sb.AppendLine($"T1/T2      {Ia?.T1} s / {Ia?.T2} s");
        if (Advertise.DnsServers.Count > 0)
            sb.AppendLine($"DNS        {string.Join(", ", Advertise.DnsServers)}");
        if (Advertise.DomainList.Count > 0)
            sb.AppendLine($"Domains    {string.Join(", ", Advertise.DomainList)}");
        if (Advertise.AftrName is { } aftr)
            sb.AppendLine($"AFTR       {aftr}");
        foreach (var r in ServerRules)
            sb.AppendLine($"MAP rule   {r} (from DHCPv6)");
        if (Ra is { } ra)
        {
            var a = ra.Advertisement;
            sb.AppendLine($"RA         from {ra.Source}: M={(a.Managed ? 1 : 0)} O={(a.OtherConfiguration ? 1 : 0)}, router lifetime {a.RouterLifetimeSeconds} s"
                + (a.Mtu is { } mtu ? $", MTU {mtu}" : "") + (a.Prefixes.Count == 0 ? "" : $", prefixes {string.Join(", ", a.Prefixes.Select(p => p.Prefix))}"));
        }
        else
        {
            sb.AppendLine("RA         none heard");
        }
        if (Softwire is not null)
        {
            sb.AppendLine();
            sb.Append(MapeReport.ToText(Softwire));
        }
        else if (SoftwireProblem is not null)
        {
            sb.AppendLine($"MAP-E      {SoftwireProblem}");
        }
        return sb.ToString();
    }

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("interface", Interface);
        w.WriteString("server", Server.ToString());
        w.WriteString("serverDuid", Advertise.ServerId!.ToString());
        w.WriteNumber("preference", Advertise.Preference);
        w.WriteStartArray("prefixes");
        foreach (var p in Ia?.Prefixes ?? [])
        {
            w.WriteStartObject();
            w.WriteString("prefix", p.Prefix.ToString());
            w.WriteNumber("preferredLifetime", p.PreferredLifetime);
            w.WriteNumber("validLifetime", p.ValidLifetime);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("t1", Ia?.T1 ?? 0);
        w.WriteNumber("t2", Ia?.T2 ?? 0);
        w.WriteStartArray("dnsServers");
        foreach (var a in Advertise.DnsServers)
            w.WriteStringValue(a.ToString());
        w.WriteEndArray();
        w.WriteStartArray("domains");
        foreach (var d in Advertise.DomainList)
            w.WriteStringValue(d.ToString());
        w.WriteEndArray();
        w.WriteString("aftrName", Advertise.AftrName?.ToString());
        w.WriteStartArray("mapeRules");
        foreach (var r in ServerRules)
        {
            w.WriteStartObject();
            w.WriteString("ipv6Prefix", r.Ipv6Prefix.ToString());
            w.WriteString("ipv4Prefix", r.Ipv4Prefix.ToString());
            w.WriteNumber("eaBitsLength", r.EaBitsLength);
            w.WriteNumber("psidOffset", r.PsidOffset);
            w.WriteString("brAddress", r.BrAddress?.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteRa(w);
        w.WritePropertyName("softwire");
        if (Softwire is null)
            w.WriteNullValue();
        else
            MapeReport.WriteJson(w, Softwire);
        w.WriteEndObject();
    }

    private void WriteRa(Utf8JsonWriter w)
    {
        w.WritePropertyName("ra");
        if (Ra is not { } ra)
        {
            w.WriteNullValue();
            return;
        }
        var a = ra.Advertisement;
        w.WriteStartObject();
        w.WriteString("router", ra.Source.ToString());
        w.WriteBoolean("managed", a.Managed);
        w.WriteBoolean("other", a.OtherConfiguration);
        w.WriteNumber("routerLifetime", a.RouterLifetimeSeconds);
        w.WriteStartArray("prefixes");
        foreach (var p in a.Prefixes)
        {
            w.WriteStartObject();
            w.WriteString("prefix", p.Prefix.ToString());
            w.WriteBoolean("onLink", p.OnLink);
            w.WriteBoolean("autonomous", p.Autonomous);
            w.WriteNumber("validLifetime", p.ValidLifetime);
            w.WriteNumber("preferredLifetime", p.PreferredLifetime);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (a.Mtu is { } mtu)
            w.WriteNumber("mtu", mtu);
        else
            w.WriteNull("mtu");
        w.WriteEndObject();
    }
}
