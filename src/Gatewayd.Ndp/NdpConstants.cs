using System.Net;

namespace Gatewayd.Ndp;

/// <summary>ICMPv6 message types this codec handles (RFC 4861 section 4).</summary>
public enum NdpMessageType : byte
{
    /// <summary>Router Solicitation, RFC 4861 section 4.1.</summary>
    RouterSolicitation = 133,
    /// <summary>Router Advertisement, RFC 4861 section 4.2.</summary>
    RouterAdvertisement = 134,
}

/// <summary>Neighbor Discovery option types (IANA "IPv6 Neighbor Discovery Option Formats").</summary>
public enum NdpOptionType : byte
{
    /// <summary>Source Link-Layer Address, RFC 4861 section 4.6.1.</summary>
    SourceLinkLayerAddress = 1,
    /// <summary>Target Link-Layer Address, RFC 4861 section 4.6.1.</summary>
    TargetLinkLayerAddress = 2,
    /// <summary>Prefix Information, RFC 4861 section 4.6.2.</summary>
    PrefixInformation = 3,
    /// <summary>Redirected Header, RFC 4861 section 4.6.3.</summary>
    RedirectedHeader = 4,
    /// <summary>MTU, RFC 4861 section 4.6.4.</summary>
    Mtu = 5,
    /// <summary>Route Information, RFC 4191 section 2.3.</summary>
    RouteInformation = 24,
    /// <summary>Recursive DNS Server, RFC 8106 section 5.1.</summary>
    RecursiveDnsServer = 25,
    /// <summary>DNS Search List, RFC 8106 section 5.2.</summary>
    DnsSearchList = 31,
}

/// <summary>Default router preference (RFC 4191 section 2.1), with its 2-bit wire value.</summary>
public enum RouterPreference : byte
{
    /// <summary>Medium (00), also what the reserved value 10 means to a receiver (RFC 4191 section 2.2).</summary>
    Medium = 0,
    /// <summary>High (01).</summary>
    High = 1,
    /// <summary>Low (11).</summary>
    Low = 3,
}

/// <summary>Neighbor Discovery wire numbers and host constants, each with its RFC.</summary>
public static class NdpConstants
{
    /// <summary>IP hop limit every ND message must carry and a receiver must check (RFC 4861 sections 6.1.1, 6.1.2).</summary>
    public const byte HopLimit = 255;

    /// <summary>Options are measured in units of 8 bytes (RFC 4861 section 4.6).</summary>
    public const int OptionUnit = 8;

    /// <summary>Length of the fixed RA header, type through retrans timer (RFC 4861 section 4.2).</summary>
    public const int RouterAdvertisementHeaderLength = 16;

    /// <summary>Length of the fixed RS header, type through reserved (RFC 4861 section 4.1).</summary>
    public const int RouterSolicitationHeaderLength = 8;

    /// <summary>MAX_RTR_SOLICITATIONS: Router Solicitations a host sends at start-up (RFC 4861 section 10).</summary>
    public const int MaxRtrSolicitations = 3;

    /// <summary>RTR_SOLICITATION_INTERVAL between Router Solicitations (RFC 4861 section 10).</summary>
    public static readonly TimeSpan RtrSolicitationInterval = TimeSpan.FromSeconds(4);

    /// <summary>MAX_RTR_SOLICITATION_DELAY before the first Router Solicitation (RFC 4861 section 10).</summary>
    public static readonly TimeSpan MaxRtrSolicitationDelay = TimeSpan.FromSeconds(1);

    /// <summary>All-nodes multicast, destination of unsolicited RAs (RFC 4291 section 2.7.1).</summary>
    public static IPAddress AllNodes { get; } = IPAddress.Parse("ff02::1");

    /// <summary>All-routers multicast, destination of RSs (RFC 4291 section 2.7.1).</summary>
    public static IPAddress AllRouters { get; } = IPAddress.Parse("ff02::2");

    /// <summary>Lifetime value meaning infinity in PIO, RIO, RDNSS and DNSSL (RFC 4861 section 4.6.2, RFC 8106 section 5).</summary>
    public const uint Infinity = 0xffffffff;
}
