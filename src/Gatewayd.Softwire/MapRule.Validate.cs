using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

public sealed partial record MapRule
{
    /// <summary>
    /// Checks a rule against RFC 7597 sections 5.1-5.2 and returns every problem as "field: reason"
    /// (fields: ipv6Prefix, ipv4Prefix, eaBitsLength, psidOffset, brAddress); empty when the rule is valid.
    /// </summary>
    /// <param name="ipv6Prefix">Rule IPv6 prefix.</param>
    /// <param name="ipv4Prefix">Rule IPv4 prefix.</param>
    /// <param name="eaBitsLength">EA-bits length.</param>
    /// <param name="psidOffset">PSID offset.</param>
    /// <param name="br">Border relay IPv6 address, if known.</param>
    public static IReadOnlyList<string> Validate(
        IPNetwork ipv6Prefix, IPNetwork ipv4Prefix, int eaBitsLength, int psidOffset, IPAddress? br = null)
    {
        var problems = new List<string>();
        bool v6Ok = ipv6Prefix.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
        bool v4Ok = ipv4Prefix.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        bool eaOk = eaBitsLength is >= 0 and <= 48;
        bool offsetOk = psidOffset is >= 0 and <= 15;

        if (!v6Ok)
        {
            problems.Add($"ipv6Prefix: must be an IPv6 prefix, got {ipv6Prefix}");
        }

        if (!v4Ok)
        {
            problems.Add($"ipv4Prefix: must be an IPv4 prefix, got {ipv4Prefix}");
        }

        if (!eaOk)
        {
            problems.Add($"eaBitsLength: must be 0..48 (RFC 7597 section 5.2), got {eaBitsLength}");
        }

        if (!offsetOk)
        {
            // RFC 7598 section 4.5: the offset field allows 0..15.
            problems.Add($"psidOffset: must be 0..15, got {psidOffset}");
        }

        if (v6Ok && eaOk && ipv6Prefix.PrefixLength + eaBitsLength > 64)
        {
            // RFC 7597 section 5.2: the EA bits must fit in the end-user prefix, and that is never longer than /64 here.
            problems.Add(
                $"eaBitsLength: a /{ipv6Prefix.PrefixLength} rule prefix plus {eaBitsLength} EA bits ends at "
                + $"/{ipv6Prefix.PrefixLength + eaBitsLength}, past the /64 the end-user prefix may have");
        }

        if (v4Ok && eaOk && offsetOk)
        {
            int psidLength = eaBitsLength - (32 - ipv4Prefix.PrefixLength);
            if (psidLength + psidOffset > 16)
            {
                // RFC 7597 section 5.1: a + k + m = 16, so a + k > 16 leaves no room in a 16-bit port.
                problems.Add(
                    $"psidOffset: PSID offset {psidOffset} plus PSID length {psidLength} "
                    + $"(= {eaBitsLength} EA bits - {32 - ipv4Prefix.PrefixLength} IPv4 suffix bits) is "
                    + $"{psidOffset + psidLength}, more than the 16 bits of a port");
            }
        }

        if (br is not null
            && (br.AddressFamily != AddressFamily.InterNetworkV6
                || br.Equals(IPAddress.IPv6None)
                || br.IsIPv6Multicast
                || br.Equals(IPAddress.IPv6Loopback)))
        {
            problems.Add($"brAddress: must be a unicast IPv6 address, got {br}");
        }

        return problems;
    }

    /// <summary>Checks this rule; see <see cref="Validate(IPNetwork, IPNetwork, int, int, IPAddress?)"/>.</summary>
    public IReadOnlyList<string> Validate() => Validate(Ipv6Prefix, Ipv4Prefix, EaBitsLength, PsidOffset, BrAddress);
}
