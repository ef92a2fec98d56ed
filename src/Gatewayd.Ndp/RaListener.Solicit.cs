using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Gatewayd.Ndp;

/// <summary>Router Solicitations at start (RFC 4861 section 6.3.7).</summary>
public sealed partial class RaListener
{
    private static readonly TimeSpan LinkLocalPollInterval = TimeSpan.FromMilliseconds(100);

    private async Task SolicitAsync(CancellationToken cancellationToken)
    {
        if (!_options.SendSolicitations || _options.MaxSolicitations <= 0)
            return;

        // "delay the transmission for a random amount of time between 0 and MAX_RTR_SOLICITATION_DELAY"
#pragma warning disable CA5394 // jitter against synchronised hosts, not security
        TimeSpan delay = _options.MaxSolicitationDelay * Random.Shared.NextDouble();
#pragma warning restore CA5394
        if (await AdvertisedWithinAsync(delay, cancellationToken).ConfigureAwait(false))
            return;

        for (int sent = 1; ; sent++)
        {
            await SendSolicitationAsync(sent, cancellationToken).ConfigureAwait(false);
            bool last = sent >= _options.MaxSolicitations;
            // "stop sending Router Solicitations once a valid Router Advertisement is received"; after the last one, a
            // host that hears nothing for MAX_RTR_SOLICITATION_DELAY "concludes that there are no routers".
            if (await AdvertisedWithinAsync(last ? _options.MaxSolicitationDelay : _options.SolicitationInterval, cancellationToken).ConfigureAwait(false))
                return;
            if (last)
            {
                LogNoAdvertisement(_logger, _options.InterfaceName, sent);
                return;
            }
        }
    }

    /// <summary>Waits <paramref name="delay"/>, or less when an RA is accepted meanwhile; true when one was.</summary>
    private async Task<bool> AdvertisedWithinAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (_firstAccepted.Task.IsCompleted)
            return true;
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task timeout = Task.Delay(delay, _time, stopDelay.Token);
        Task winner = await Task.WhenAny(timeout, _firstAccepted.Task).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return winner == _firstAccepted.Task;
    }

    private async Task SendSolicitationAsync(int number, CancellationToken cancellationToken)
    {
        // While the link-local is tentative (DAD, about a second after link up) Linux refuses to send at all
        // (EADDRNOTAVAIL, measured): wait for it rather than spend one of the few solicitations on an error.
        bool linkLocal = _addresses.HasLinkLocalAddress() || await LinkLocalWithinAsync(_options.SolicitationInterval, cancellationToken).ConfigureAwait(false);
        // RFC 4861 section 4.1: SLLA "MUST NOT be included if the Source Address is the unspecified address".
        PhysicalAddress? mac = linkLocal ? _addresses.GetLinkLayerAddress() : null;
        byte[] macBytes = mac?.GetAddressBytes() ?? [];
        RouterSolicitation rs = macBytes.Length > 0 ? RouterSolicitation.FromMac(macBytes) : new RouterSolicitation();
        try
        {
            await _transport.SendSolicitationAsync(rs.ToArray(), cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _solicitationsSent);
            LogSolicitationSent(_logger, number, _options.MaxSolicitations, _options.InterfaceName, macBytes.Length > 0 ? LinkLayerText.Format(macBytes) : "none (no usable link-local address yet)");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            // EADDRNOTAVAIL while the link-local is tentative, ENETDOWN while the link is down: try again next interval.
            Interlocked.Increment(ref _solicitationsFailed);
            LogSolicitationFailed(_logger, number, _options.InterfaceName, e.Message);
        }
    }

    /// <summary>Polls the interface until it has a usable link-local address; false when none came within <paramref name="limit"/>.</summary>
    private async Task<bool> LinkLocalWithinAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        LogWaitingForLinkLocal(_logger, _options.InterfaceName);
        for (TimeSpan waited = TimeSpan.Zero; waited < limit; waited += LinkLocalPollInterval)
        {
            await Task.Delay(LinkLocalPollInterval, _time, cancellationToken).ConfigureAwait(false);
            if (_addresses.HasLinkLocalAddress())
                return true;
        }

        return false;
    }
}
