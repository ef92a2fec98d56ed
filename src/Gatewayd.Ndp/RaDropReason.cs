namespace Gatewayd.Ndp;

/// <summary>Why <see cref="RaListener"/> dropped a received message. Each has its counter in <see cref="RaListenerStatistics"/>.</summary>
public enum RaDropReason
{
    /// <summary>IP hop limit not 255, or unknown: the RA may come from off-link (RFC 4861 section 6.1.2).</summary>
    HopLimit,
    /// <summary>Source is not a link-local address (RFC 4861 section 6.1.2).</summary>
    SourceNotLinkLocal,
    /// <summary>The RA does not parse (RFC 4861 sections 4.2, 4.6, 6.1.2).</summary>
    Malformed,
    /// <summary>The reader fell behind and the oldest queued RA was discarded.</summary>
    QueueFull,
}

/// <summary>Counters of <see cref="RaListener"/> since it was created.</summary>
/// <param name="Received">Messages the socket delivered.</param>
/// <param name="Accepted">RAs that passed every check.</param>
/// <param name="DroppedHopLimit">Dropped for <see cref="RaDropReason.HopLimit"/>.</param>
/// <param name="DroppedSourceNotLinkLocal">Dropped for <see cref="RaDropReason.SourceNotLinkLocal"/>.</param>
/// <param name="DroppedMalformed">Dropped for <see cref="RaDropReason.Malformed"/>.</param>
/// <param name="DroppedQueueFull">Dropped for <see cref="RaDropReason.QueueFull"/>.</param>
/// <param name="SolicitationsSent">Router Solicitations handed to the kernel.</param>
/// <param name="SolicitationsFailed">Router Solicitations the kernel refused (no usable source address yet, link down).</param>
public sealed record RaListenerStatistics(long Received, long Accepted, long DroppedHopLimit, long DroppedSourceNotLinkLocal,
    long DroppedMalformed, long DroppedQueueFull, long SolicitationsSent, long SolicitationsFailed);
