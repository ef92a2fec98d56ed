namespace Gatewayd.Dhcp6.Client;

/// <summary>The client's states (RFC 8415 section 18).</summary>
public enum Dhcp6ClientState
{
    /// <summary>Not started, or stopped.</summary>
    Stopped,

    /// <summary>Sending Solicits and collecting Advertises.</summary>
    Soliciting,

    /// <summary>Sending Requests to the chosen server.</summary>
    Requesting,

    /// <summary>Holding a binding; waiting for T1.</summary>
    Bound,

    /// <summary>Past T1: renewing with the bound server until T2.</summary>
    Renewing,

    /// <summary>Past T2: rebinding with any server until the valid lifetimes end.</summary>
    Rebinding,

    /// <summary>Sending a Release.</summary>
    Releasing,
}
