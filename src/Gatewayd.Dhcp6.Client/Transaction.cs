namespace Gatewayd.Dhcp6.Client;

/// <summary>One message exchange: its transaction id, when it began (for Elapsed Time), and its retransmission state.</summary>
internal sealed class Transaction
{
    public Transaction(Dhcp6MessageType type, uint id, Retransmission schedule, Duid? server, Func<ushort, Dhcp6Message> build)
    {
        Type = type;
        Id = id;
        Schedule = schedule;
        Server = server;
        Build = build;
    }

    public Dhcp6MessageType Type { get; }

    public uint Id { get; }

    /// <summary>The schedule; a Solicit's MRT changes when a server sends SOL_MAX_RT (RFC 8415 21.24).</summary>
    public Retransmission Schedule { get; set; }

    /// <summary>The server this exchange is addressed to (its ServerID), or null for Solicit and Rebind.</summary>
    public Duid? Server { get; }

    /// <summary>Builds the message with a given Elapsed Time; called for each (re)transmission.</summary>
    public Func<ushort, Dhcp6Message> Build { get; }

    /// <summary>Timestamp of the first transmission; null until sent.</summary>
    public long? StartedAt { get; set; }

    public int Sent { get; set; }

    public TimeSpan? LastRt { get; set; }

    /// <summary>True while a Solicit is still inside its first RT, collecting Advertises (RFC 8415 18.2.1).</summary>
    public bool Collecting { get; set; }
}

/// <summary>An Advertise kept while collecting, with the order it arrived in to break preference ties.</summary>
internal sealed record Advertised(Dhcp6Message Message, System.Net.IPAddress From, int Order);
