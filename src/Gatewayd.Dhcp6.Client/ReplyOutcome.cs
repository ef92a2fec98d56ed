namespace Gatewayd.Dhcp6.Client;

/// <summary>What a Reply tells the client to do next.</summary>
internal enum ReplyOutcome
{
    /// <summary>The Reply carries a usable binding: bind (or stay bound) with the new lease.</summary>
    Bound,

    /// <summary>Ignore this Reply and keep retransmitting on the normal schedule (UnspecFail and the like).</summary>
    Retry,

    /// <summary>The server lost our binding (NoBinding): send a Request for it (RFC 8415 section 18.2.10.1).</summary>
    Request,

    /// <summary>Start over with a Solicit (NotOnLink, or no prefix to be had from this server).</summary>
    Solicit,

    /// <summary>The server has no prefix for the IA right now (NoPrefixAvail on Renew/Rebind): keep what we have until it expires.</summary>
    KeepPrefixes,
}

/// <summary>Server status codes mapped to outcomes in one place (as systemd's dhcp6_message_status_to_errno).</summary>
internal static class StatusOutcomes
{
    /// <summary>The outcome of a non-success status at message level.</summary>
    public static ReplyOutcome ForMessage(Dhcp6StatusCode status) => status switch
    {
        Dhcp6StatusCode.NotOnLink => ReplyOutcome.Solicit,
        Dhcp6StatusCode.NoBinding => ReplyOutcome.Request,
        // UnspecFail: RFC 8415 18.2.10 asks for rate-limited retransmission, which the schedule already is.
        // UseMulticast: every message we send is multicast already.
        _ => ReplyOutcome.Retry,
    };

    /// <summary>The outcome of a non-success status inside our IA_PD, given what we sent.</summary>
    public static ReplyOutcome ForIa(Dhcp6StatusCode status, Dhcp6MessageType sent) => (status, sent) switch
    {
        (Dhcp6StatusCode.NoBinding, Dhcp6MessageType.Renew or Dhcp6MessageType.Rebind) => ReplyOutcome.Request,
        (Dhcp6StatusCode.NoPrefixAvail, Dhcp6MessageType.Renew or Dhcp6MessageType.Rebind) => ReplyOutcome.KeepPrefixes,
        (Dhcp6StatusCode.NoPrefixAvail or Dhcp6StatusCode.NotOnLink, _) => ReplyOutcome.Solicit,
        _ => ReplyOutcome.Retry,
    };
}
