using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Gatewayd.Nftables;
using Gatewayd.Softwire;

namespace Gatewayd.Config;

/// <summary>
/// Turns config.json into a <see cref="GatewaydConfig"/>, listing every problem as <c>path: reason</c>.
/// A JsonDocument walk rather than the serializer: the serializer stops at the first error, and a user fixing a
/// router's config over SSH wants all of them at once.
/// </summary>
internal static class ConfigReader
{
    public const int DefaultMtu = 1460;

    private static readonly Dictionary<string, SoftwireMode> Modes = new(StringComparer.Ordinal)
    {
        ["map-e"] = SoftwireMode.MapE,
        ["ipip6"] = SoftwireMode.Ipip6,
        ["ds-lite"] = SoftwireMode.DsLite,
        ["none"] = SoftwireMode.None,
    };

    private static readonly Dictionary<string, InterfaceIdChoice> InterfaceIds = new(StringComparer.Ordinal)
    {
        ["auto"] = InterfaceIdChoice.Auto,
        ["draft03"] = InterfaceIdChoice.Draft03,
        ["rfc7597"] = InterfaceIdChoice.Rfc7597,
    };

    private static readonly Dictionary<string, bool> Starts = new(StringComparer.Ordinal)
    {
        ["on-ra"] = false,
        ["immediately"] = true,
    };

    private static readonly Dictionary<string, UdpMapping> UdpMappings = new(StringComparer.Ordinal)
    {
        ["round-robin"] = UdpMapping.RoundRobin,
        ["endpoint-independent"] = UdpMapping.EndpointIndependent,
    };

    public static ConfigResult ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigResult(null, [new ConfigProblem(path, $"cannot be read: {e.Message}")]);
        }
        return Read(text);
    }

    public static ConfigResult Read(string json)
    {
        var problems = new List<ConfigProblem>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new ConfigResult(null, [new ConfigProblem("(file)", $"is not valid JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}")]);
        }
        using (doc)
        {
            var root = JsonObjectReader.Open(doc.RootElement, "", problems);
            if (root is null)
                return new ConfigResult(null, problems);
            var wan = ReadWan(root);
            var softwire = ReadSoftwire(root, problems);
            var lan = ReadLan(root, problems);
            var dhcp6 = ReadDhcp6(root);
            root.RejectUnknownKeys();
            var config = new GatewaydConfig(wan, softwire, lan) { Dhcp6 = dhcp6 };
            return new ConfigResult(problems.Any(p => !p.IsWarning) ? null : config, problems);
        }
    }

    private static WanConfig ReadWan(JsonObjectReader root)
    {
        var wan = root.Object("wan");
        var name = wan?.String("interface");
        if (name is not null && NftNames.InterfaceNameProblem(name) is { } why)
        {
            wan!.Error("interface", why);
            name = null;
        }
        wan?.RejectUnknownKeys();
        if (name is null && !(wan?.Has("interface") ?? false))
            root.Warn("wan.interface", "not set: gatewayd stays idle and changes nothing until it is");
        return new WanConfig(name);
    }

    private static Dhcp6Config ReadDhcp6(JsonObjectReader root)
    {
        var d = root.Object("dhcp6");
        if (d is null)
            return Dhcp6Config.Default;
        var release = d.Bool("releaseOnStop") ?? false;
        var start = d.Choice("start", Starts) ?? false;
        d.RejectUnknownKeys();
        return new Dhcp6Config(release, start);
    }

    private static SoftwireConfig ReadSoftwire(JsonObjectReader root, List<ConfigProblem> problems)
    {
        var sw = root.Object("softwire");
        var mode = sw?.Choice("mode", Modes) ?? SoftwireMode.None;
        var tunnel = sw?.String("tunnelName");
        if (tunnel is not null && NftNames.InterfaceNameProblem(tunnel) is { } why)
        {
            sw!.Error("tunnelName", why);
            tunnel = null;
        }
        tunnel ??= DefaultTunnelName(mode);
        // 576 is the IPv4 minimum every host must accept (RFC 791); above 1460 the IPv6 packet outgrows the NGN's 1500.
        var mtu = sw?.Int("mtu", 576, 9000) ?? DefaultMtu;
        var mapE = ReadMapE(sw, mode == SoftwireMode.MapE);
        var ipip6 = ReadIpip6(sw, mode == SoftwireMode.Ipip6, problems);
        var dsLite = ReadDsLite(sw, mode == SoftwireMode.DsLite);
        sw?.RejectUnknownKeys();
        return new SoftwireConfig(mode, tunnel, mtu, mapE, ipip6, dsLite);
    }

    public static string DefaultTunnelName(SoftwireMode mode) => mode switch
    {
        SoftwireMode.Ipip6 => "ipip0",
        SoftwireMode.DsLite => "dslite0",
        _ => "mape0",
    };

    private static MapEConfig ReadMapE(JsonObjectReader? sw, bool active)
    {
        var m = sw?.Object("mapE");
        if (m is null)
            return MapEConfig.Default;
        var vne = m.String("vne") ?? "auto";
        if (vne != "auto" && !MapRuleTable.KnownVnes.Contains(vne))
        {
            m.Error("vne", $"must be auto or one of {string.Join(", ", MapRuleTable.KnownVnes)}; got \"{vne}\"");
            vne = "auto";
        }
        var rule = ReadRule(m);
        var iid = m.Choice("interfaceId", InterfaceIds) ?? InterfaceIdChoice.Auto;
        var udp = m.Choice("udpMapping", UdpMappings) ?? UdpMapping.RoundRobin;
        m.RejectUnknownKeys();
        if (!active)
            m.Warn("", "is ignored unless softwire.mode is map-e");
        return new MapEConfig(vne, rule, iid, udp);
    }

    private static MapRule? ReadRule(JsonObjectReader mapE)
    {
        var r = mapE.Object("rule");
        if (r is null)
            return null;
        var v6 = Prefix(r, "ipv6Prefix", AddressFamily.InterNetworkV6, required: true);
        var v4 = Prefix(r, "ipv4Prefix", AddressFamily.InterNetwork, required: true);
        var ea = r.Int("eaBitsLength", 0, 48, required: true);
        var offset = r.Int("psidOffset", 0, 15, required: true);
        var br = Address(r, "brAddress", AddressFamily.InterNetworkV6);
        r.RejectUnknownKeys();
        if (v6 is null || v4 is null || ea is null || offset is null)
            return null;
        var reasons = MapRule.Validate(v6.Value, v4.Value, ea.Value, offset.Value, br);
        foreach (var reason in reasons)
        {
            // MapRule.Validate names its own field first ("psidOffset: must be 0..15"): keep that, under our path.
            var colon = reason.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
                r.Error(reason[..colon], reason[(colon + 2)..]);
            else
                r.Error("", reason);
        }
        return reasons.Count == 0 ? MapRule.Create(v6.Value, v4.Value, ea.Value, offset.Value, br) : null;
    }

    private static Ipip6Config? ReadIpip6(JsonObjectReader? sw, bool active, List<ConfigProblem> problems)
    {
        var r = sw?.Object("ipip6");
        if (r is null)
        {
            if (active)
                problems.Add(new ConfigProblem("softwire.ipip6", "is required when softwire.mode is ipip6 (ipv4Address, interfaceId, brAddress)"));
            return null;
        }
        var v4 = Address(r, "ipv4Address", AddressFamily.InterNetwork, required: true);
        var iid = Address(r, "interfaceId", AddressFamily.InterNetworkV6, required: true);
        if (iid is not null && !FixedIpv4.IsInterfaceId(iid))
        {
            r.Error("interfaceId", $"\"{iid}\" has bits set in its upper 64 bits; write the 64-bit interface id as ::xxxx:xxxx:xxxx:xxxx");
            iid = null;
        }
        var br = Address(r, "brAddress", AddressFamily.InterNetworkV6, required: true);
        var update = ReadUpdate(r);
        r.RejectUnknownKeys();
        if (!active)
            r.Warn("", "is ignored unless softwire.mode is ipip6");
        return v4 is null || iid is null || br is null ? null : new Ipip6Config(v4, iid, br, update);
    }

    private static Ipip6UpdateConfig? ReadUpdate(JsonObjectReader ipip6)
    {
        var u = ipip6.Object("update");
        if (u is null)
            return null;
        var url = u.String("url", required: true);
        var creds = u.String("credentialsFile");
        u.RejectUnknownKeys();
        if (url is null)
            return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            u.Error("url", $"\"{url}\" is not an absolute http(s) URL");
            return null;
        }
        if (creds is not null && !System.IO.Path.IsPathFullyQualified(creds))
        {
            u.Error("credentialsFile", $"\"{creds}\" must be an absolute path");
            return null;
        }
        return new Ipip6UpdateConfig(uri, creds);
    }

    private static DsLiteConfig? ReadDsLite(JsonObjectReader? sw, bool active)
    {
        var d = sw?.Object("dsLite");
        if (d is null)
            return null;
        var aftr = d.String("aftr");
        if (aftr is not null && DsLite.AftrProblem(aftr) is { } why)
        {
            d.Error("aftr", why);
            aftr = null;
        }
        d.RejectUnknownKeys();
        if (!active)
            d.Warn("", "is ignored unless softwire.mode is ds-lite");
        return aftr is null ? null : new DsLiteConfig(aftr);
    }

    private static List<LanConfig> ReadLan(JsonObjectReader root, List<ConfigProblem> problems)
    {
        var lans = new List<LanConfig>();
        foreach (var (item, path) in root.Array("lan"))
        {
            var r = JsonObjectReader.Open(item, path, problems);
            if (r is null)
                continue;
            var name = r.String("interface", required: true);
            if (name is not null && NftNames.InterfaceNameProblem(name) is { } why)
            {
                r.Error("interface", why);
                name = null;
            }
            // A /48 is the shortest prefix a user is delegated; longer ones are checked against the lease in the planner.
            var subnet = r.Int("subnetId", 0, 0xffff, required: true);
            r.RejectUnknownKeys();
            if (name is null || subnet is null)
                continue;
            if (lans.Any(l => l.Interface == name))
                r.Error("interface", $"\"{name}\" is listed twice");
            else if (lans.FirstOrDefault(l => l.SubnetId == subnet) is { } other)
                r.Error("subnetId", $"{subnet} is already used by {other.Interface}");
            else
                lans.Add(new LanConfig(name, subnet.Value));
        }
        return lans;
    }

    private static IPNetwork? Prefix(JsonObjectReader r, string key, AddressFamily family, bool required)
    {
        var s = r.String(key, required);
        if (s is null)
            return null;
        if (!IPNetwork.TryParse(s, out var net) || net.BaseAddress.AddressFamily != family)
        {
            r.Error(key, $"\"{s}\" is not an {FamilyName(family)} prefix (address/length with no host bits set)");
            return null;
        }
        return net;
    }

    private static IPAddress? Address(JsonObjectReader r, string key, AddressFamily family, bool required = false)
    {
        var s = r.String(key, required);
        if (s is null)
            return null;
        if (!IPAddress.TryParse(s, out var a) || a.AddressFamily != family || s.Contains('/'))
        {
            r.Error(key, $"\"{s}\" is not an {FamilyName(family)} address");
            return null;
        }
        return a;
    }

    private static string FamilyName(AddressFamily f) => f == AddressFamily.InterNetwork ? "IPv4" : "IPv6";

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
