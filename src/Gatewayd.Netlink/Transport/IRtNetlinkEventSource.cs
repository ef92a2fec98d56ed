namespace Gatewayd.Netlink;

/// <summary>A stream of rtnetlink change events; <see cref="RtNetlinkEventSource"/> reads the kernel's multicast groups.</summary>
public interface IRtNetlinkEventSource : IDisposable
{
    /// <summary>Reads events until cancelled. An <see cref="OverrunEvent"/> means events were lost: re-dump everything.</summary>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The events, in kernel order.</returns>
    IAsyncEnumerable<RtNetlinkEvent> ReadEventsAsync(CancellationToken cancellationToken);
}
