namespace Gatewayd.LabTests.Dhcp6;

/// <summary>A lab with gatewayd's config and state directory written for the CE namespace.</summary>
internal static class ClientLab
{
    /// <summary>Writes the config; without radvd in the lab, DHCPv6 must start without waiting for an RA.</summary>
    public static (string Config, string State) Prepare(NgnLab lab, string mode = "map-e", bool waitForRa = false)
    {
        var config = Path.Combine(lab.Dir, "config.json");
        var start = waitForRa ? "on-ra" : "immediately";
        File.WriteAllText(config, $$$"""{"wan":{"interface":"{{{lab.CeIf}}}"},"softwire":{"mode":"{{{mode}}}"},"dhcp6":{"start":"{{{start}}}"}}""");
        return (config, Path.Combine(lab.Dir, "state"));
    }

    public static GatewaydProcess Run(NgnLab lab, (string Config, string State) files, bool verbose = false) =>
        GatewaydProcess.Start(lab.Ce, ["run", "--config", files.Config, "--state-dir", files.State, .. verbose ? new[] { "--verbose" } : []]);

    public static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    /// <summary>The DUID kea must record for us: DUID-LL (3), hardware type Ethernet (1), our MAC.</summary>
    public static string DuidLl(NgnLab lab) => $"00:03:00:01:{lab.Mac}";
}
