using Gatewayd.Dhcp6;
using Gatewayd.Dhcp6.Client;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp;

/// <summary>Who gatewayd is to the DHCPv6 server: DUID-LL from the WAN MAC (the only kind the NGN serves), made once and kept.</summary>
internal static class Dhcp6Identity
{
    /// <summary>One IA_PD per WAN; a constant keeps it stable across restarts and reinstalls.</summary>
    public const uint Iaid = 1;

    public const string DuidFileName = "duid";

    /// <summary>The stored DUID, else a new DUID-LL from <paramref name="wan"/>'s MAC, stored when <paramref name="persist"/>.</summary>
    /// <exception cref="InvalidOperationException">No stored DUID and the interface has no MAC.</exception>
    public static Duid LoadOrCreate(string stateDirectory, string wan, ILogger log, bool persist = true)
    {
        var path = Path.Combine(stateDirectory, DuidFileName);
        if (File.Exists(path))
        {
            try
            {
                return new Duid(Convert.FromHexString(File.ReadAllText(path).Trim()));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                log.LogWarning("{Path} is not a DUID ({Error}); making a new one from {Wan}'s MAC", path, e.Message, wan);
            }
        }
        var mac = LinkFacts.Mac(wan) ?? throw new InvalidOperationException($"{wan} has no MAC address to make a DUID-LL from");
        var duid = Duid.FromMac(mac);
        if (persist)
        {
            AtomicFile.Write(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(duid.Bytes.Span) + "\n"));
            log.LogInformation("created DUID-LL {Duid} from {Wan}", Convert.ToHexString(duid.Bytes.Span), wan);
        }
        return duid;
    }
}
