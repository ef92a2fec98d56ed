using System.Net;

namespace Gatewayd.Dhcp6;

/// <summary>DHCPv6 message types (RFC 8415 section 7.3).</summary>
public enum Dhcp6MessageType : byte
{
    /// <summary>SOLICIT (RFC 8415 section 7.3).</summary>
    Solicit = 1,
    /// <summary>ADVERTISE (RFC 8415 section 7.3).</summary>
    Advertise = 2,
    /// <summary>REQUEST (RFC 8415 section 7.3).</summary>
    Request = 3,
    /// <summary>CONFIRM (RFC 8415 section 7.3).</summary>
    Confirm = 4,
    /// <summary>RENEW (RFC 8415 section 7.3).</summary>
    Renew = 5,
    /// <summary>REBIND (RFC 8415 section 7.3).</summary>
    Rebind = 6,
    /// <summary>REPLY (RFC 8415 section 7.3).</summary>
    Reply = 7,
    /// <summary>RELEASE (RFC 8415 section 7.3).</summary>
    Release = 8,
    /// <summary>DECLINE (RFC 8415 section 7.3).</summary>
    Decline = 9,
    /// <summary>RECONFIGURE (RFC 8415 section 7.3).</summary>
    Reconfigure = 10,
    /// <summary>INFORMATION-REQUEST (RFC 8415 section 7.3).</summary>
    InformationRequest = 11,
    /// <summary>RELAY-FORW (RFC 8415 section 7.3); a client never sees one, the codec rejects it.</summary>
    RelayForward = 12,
    /// <summary>RELAY-REPL (RFC 8415 section 7.3); a client never sees one, the codec rejects it.</summary>
    RelayReply = 13,
}

/// <summary>DHCPv6 option codes used by gatewayd (IANA "DHCPv6 Option Codes").</summary>
public enum Dhcp6OptionCode : ushort
{
    /// <summary>OPTION_CLIENTID, RFC 8415 section 21.2.</summary>
    ClientId = 1,
    /// <summary>OPTION_SERVERID, RFC 8415 section 21.3.</summary>
    ServerId = 2,
    /// <summary>OPTION_IA_NA, RFC 8415 section 21.4.</summary>
    IaNa = 3,
    /// <summary>OPTION_IA_TA, RFC 8415 section 21.5.</summary>
    IaTa = 4,
    /// <summary>OPTION_IAADDR, RFC 8415 section 21.6.</summary>
    IaAddr = 5,
    /// <summary>OPTION_ORO, RFC 8415 section 21.7.</summary>
    Oro = 6,
    /// <summary>OPTION_PREFERENCE, RFC 8415 section 21.8.</summary>
    Preference = 7,
    /// <summary>OPTION_ELAPSED_TIME, RFC 8415 section 21.9.</summary>
    ElapsedTime = 8,
    /// <summary>OPTION_AUTH, RFC 8415 section 21.11.</summary>
    Auth = 11,
    /// <summary>OPTION_UNICAST, RFC 8415 section 21.12.</summary>
    Unicast = 12,
    /// <summary>OPTION_STATUS_CODE, RFC 8415 section 21.13.</summary>
    StatusCode = 13,
    /// <summary>OPTION_RAPID_COMMIT, RFC 8415 section 21.14.</summary>
    RapidCommit = 14,
    /// <summary>OPTION_RECONF_MSG, RFC 8415 section 21.19.</summary>
    ReconfMsg = 19,
    /// <summary>OPTION_RECONF_ACCEPT, RFC 8415 section 21.20.</summary>
    ReconfAccept = 20,
    /// <summary>OPTION_DNS_SERVERS, RFC 3646 section 3.</summary>
    DnsServers = 23,
    /// <summary>OPTION_DOMAIN_LIST, RFC 3646 section 4.</summary>
    DomainList = 24,
    /// <summary>OPTION_IA_PD, RFC 8415 section 21.21.</summary>
    IaPd = 25,
    /// <summary>OPTION_IAPREFIX, RFC 8415 section 21.22.</summary>
    IaPrefix = 26,
    /// <summary>OPTION_INFORMATION_REFRESH_TIME, RFC 8415 section 21.23.</summary>
    InformationRefreshTime = 32,
    /// <summary>OPTION_AFTR_NAME, RFC 6334 section 3.</summary>
    AftrName = 64,
    /// <summary>OPTION_PD_EXCLUDE, RFC 6603 section 4.2.</summary>
    PdExclude = 67,
    /// <summary>OPTION_SOL_MAX_RT, RFC 8415 section 21.24.</summary>
    SolMaxRt = 82,
    /// <summary>OPTION_INF_MAX_RT, RFC 8415 section 21.25.</summary>
    InfMaxRt = 83,
    /// <summary>OPTION_S46_RULE, RFC 7598 section 4.1.</summary>
    S46Rule = 89,
    /// <summary>OPTION_S46_BR, RFC 7598 section 4.2.</summary>
    S46Br = 90,
    /// <summary>OPTION_S46_DMR, RFC 7598 section 4.3.</summary>
    S46Dmr = 91,
    /// <summary>OPTION_S46_V4V6BIND, RFC 7598 section 4.4.</summary>
    S46V4V6Bind = 92,
    /// <summary>OPTION_S46_PORTPARAMS, RFC 7598 section 4.5.</summary>
    S46PortParams = 93,
    /// <summary>OPTION_S46_CONT_MAPE, RFC 7598 section 5.1.</summary>
    S46ContMapE = 94,
    /// <summary>OPTION_S46_CONT_MAPT, RFC 7598 section 5.2.</summary>
    S46ContMapT = 95,
    /// <summary>OPTION_S46_CONT_LW, RFC 7598 section 5.3.</summary>
    S46ContLw = 96,
}

/// <summary>DHCPv6 status codes (RFC 8415 section 21.13).</summary>
public enum Dhcp6StatusCode : ushort
{
    /// <summary>Success.</summary>
    Success = 0,
    /// <summary>Failure, reason unspecified.</summary>
    UnspecFail = 1,
    /// <summary>The server has no addresses available to assign to the IA(s).</summary>
    NoAddrsAvail = 2,
    /// <summary>Client record (binding) unavailable.</summary>
    NoBinding = 3,
    /// <summary>The prefix for the address is not appropriate for the link.</summary>
    NotOnLink = 4,
    /// <summary>The client must use multicast to talk to the server.</summary>
    UseMulticast = 5,
    /// <summary>The server has no prefixes available to assign to the IA_PD(s).</summary>
    NoPrefixAvail = 6,
}

/// <summary>DUID types (RFC 8415 section 11.1; DUID-UUID from RFC 6355).</summary>
public enum DuidType : ushort
{
    /// <summary>DUID-LLT: link-layer address plus time, RFC 8415 section 11.2.</summary>
    LinkLayerPlusTime = 1,
    /// <summary>DUID-EN: enterprise number plus identifier, RFC 8415 section 11.3.</summary>
    EnterpriseNumber = 2,
    /// <summary>DUID-LL: link-layer address, RFC 8415 section 11.4. The only type the NGN accepts.</summary>
    LinkLayer = 3,
    /// <summary>DUID-UUID, RFC 6355 section 4.</summary>
    Uuid = 4,
}

/// <summary>Wire numbers and RFC 8415 section 7.6 timers, each with the RFC that defines it.</summary>
public static class Dhcp6Constants
{
    /// <summary>UDP port clients listen on (RFC 8415 section 7.2).</summary>
    public const int ClientPort = 546;

    /// <summary>UDP port servers and relay agents listen on (RFC 8415 section 7.2).</summary>
    public const int ServerPort = 547;

    /// <summary>All_DHCP_Relay_Agents_and_Servers, ff02::1:2 (RFC 8415 section 7.1).</summary>
    public static IPAddress AllDhcpRelayAgentsAndServers { get; } = IPAddress.Parse("ff02::1:2");

    /// <summary>Hardware type 1, Ethernet (IANA ARP hardware types), as used in DUID-LL (RFC 8415 section 11.4).</summary>
    public const ushort HardwareTypeEthernet = 1;

    /// <summary>Lifetime and T1/T2 value meaning "infinity" (RFC 8415 section 7.7).</summary>
    public const uint Infinity = 0xffffffff;

    /// <summary>Largest DUID, type code included (RFC 8415 section 11.1).</summary>
    public const int MaxDuidLength = 130;

    /// <summary>Length of the fixed message header: msg-type and transaction-id (RFC 8415 section 8).</summary>
    public const int HeaderLength = 4;

    /// <summary>Length of an option header: option-code and option-len (RFC 8415 section 21.1).</summary>
    public const int OptionHeaderLength = 4;

    // Transmission and retransmission parameters, RFC 8415 section 7.6. RFC 8415 lowered REL_MAX_RC and DEC_MAX_RC
    // from RFC 3315's 5 to 4 and raised SOL_MAX_RT and INF_MAX_RT from 120 s to 3600 s.

    /// <summary>SOL_MAX_DELAY: max delay of first Solicit (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan SolMaxDelay = TimeSpan.FromSeconds(1);
    /// <summary>SOL_TIMEOUT: initial Solicit timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan SolTimeout = TimeSpan.FromSeconds(1);
    /// <summary>SOL_MAX_RT: max Solicit timeout value (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan SolMaxRt = TimeSpan.FromSeconds(3600);
    /// <summary>REQ_TIMEOUT: initial Request timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan ReqTimeout = TimeSpan.FromSeconds(1);
    /// <summary>REQ_MAX_RT: max Request timeout value (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan ReqMaxRt = TimeSpan.FromSeconds(30);
    /// <summary>REQ_MAX_RC: max Request retry attempts (RFC 8415 section 7.6).</summary>
    public const int ReqMaxRc = 10;
    /// <summary>CNF_MAX_DELAY: max delay of first Confirm (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan CnfMaxDelay = TimeSpan.FromSeconds(1);
    /// <summary>CNF_TIMEOUT: initial Confirm timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan CnfTimeout = TimeSpan.FromSeconds(1);
    /// <summary>CNF_MAX_RT: max Confirm timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan CnfMaxRt = TimeSpan.FromSeconds(4);
    /// <summary>CNF_MAX_RD: max Confirm duration (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan CnfMaxRd = TimeSpan.FromSeconds(10);
    /// <summary>REN_TIMEOUT: initial Renew timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan RenTimeout = TimeSpan.FromSeconds(10);
    /// <summary>REN_MAX_RT: max Renew timeout value (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan RenMaxRt = TimeSpan.FromSeconds(600);
    /// <summary>REB_TIMEOUT: initial Rebind timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan RebTimeout = TimeSpan.FromSeconds(10);
    /// <summary>REB_MAX_RT: max Rebind timeout value (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan RebMaxRt = TimeSpan.FromSeconds(600);
    /// <summary>INF_MAX_DELAY: max delay of first Information-request (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan InfMaxDelay = TimeSpan.FromSeconds(1);
    /// <summary>INF_TIMEOUT: initial Information-request timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan InfTimeout = TimeSpan.FromSeconds(1);
    /// <summary>INF_MAX_RT: max Information-request timeout value (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan InfMaxRt = TimeSpan.FromSeconds(3600);
    /// <summary>REL_TIMEOUT: initial Release timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan RelTimeout = TimeSpan.FromSeconds(1);
    /// <summary>REL_MAX_RC: max Release retry attempts (RFC 8415 section 7.6).</summary>
    public const int RelMaxRc = 4;
    /// <summary>DEC_TIMEOUT: initial Decline timeout (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan DecTimeout = TimeSpan.FromSeconds(1);
    /// <summary>DEC_MAX_RC: max Decline retry attempts (RFC 8415 section 7.6).</summary>
    public const int DecMaxRc = 4;
    /// <summary>REC_TIMEOUT: initial Reconfigure timeout, a server timer (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan RecTimeout = TimeSpan.FromSeconds(2);
    /// <summary>REC_MAX_RC: max Reconfigure attempts, a server counter (RFC 8415 section 7.6).</summary>
    public const int RecMaxRc = 8;
    /// <summary>HOP_COUNT_LIMIT: max hop count in a Relay-forward message (RFC 8415 section 7.6).</summary>
    public const int HopCountLimit = 8;
    /// <summary>IRT_DEFAULT: default information refresh time (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan IrtDefault = TimeSpan.FromSeconds(86400);
    /// <summary>IRT_MINIMUM: min information refresh time (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan IrtMinimum = TimeSpan.FromSeconds(600);
    /// <summary>MAX_WAIT_TIME: max required time to wait for a response (RFC 8415 section 7.6).</summary>
    public static readonly TimeSpan MaxWaitTime = TimeSpan.FromSeconds(60);
    /// <summary>Lowest SOL_MAX_RT / INF_MAX_RT option value a client accepts (RFC 8415 sections 21.24, 21.25).</summary>
    public static readonly TimeSpan MaxRtOptionMinimum = TimeSpan.FromSeconds(60);
    /// <summary>Highest SOL_MAX_RT / INF_MAX_RT option value a client accepts (RFC 8415 sections 21.24, 21.25).</summary>
    public static readonly TimeSpan MaxRtOptionMaximum = TimeSpan.FromSeconds(86400);
}
