using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp6.Client;

public sealed partial class Dhcp6Client
{
    /// <summary>RFC 8415 18.2.11: an authenticated Reconfigure from the bound server acts as T1 (or T2) expiring now.</summary>
    private async ValueTask OnReconfigureAsync(Dhcp6Message message, Dhcp6Datagram datagram)
    {
        if (ReconfigureProblem(message, datagram) is { } why)
        {
            Discard(datagram, $"Reconfigure dropped: {why}");
            return;
        }
        _lastReconfigureReplay = message.Auth!.ReplayDetection;
        if (_state != Dhcp6ClientState.Bound)
        {
            _log.LogInformation("{Interface}: Reconfigure while {State}: the exchange under way already does it", _options.InterfaceName, _state);
            return;
        }
        _log.LogInformation("{Interface}: Reconfigure ({Type}) from {Server}", _options.InterfaceName, message.ReconfigureMessageType, message.ServerId);
        if (message.ReconfigureMessageType == Dhcp6MessageType.Rebind)
            await StartRebindAsync().ConfigureAwait(false);
        else
            await StartRenewAsync().ConfigureAwait(false);
    }

    private string? ReconfigureProblem(Dhcp6Message message, Dhcp6Datagram datagram)
    {
        if (datagram.WasMulticast)
            return "it arrived multicast; a Reconfigure must be unicast (RFC 8415 18.2.11)";
        if (_lease is not { } lease)
            return "we hold no binding";
        if (message.ClientId is not { } client || !client.Equals(_options.ClientId))
            return "its ClientID is not ours";
        if (message.ServerId is not { } server || !server.Equals(lease.ServerId))
            return $"it is not from the bound server {lease.ServerId}";
        if (message.ReconfigureMessageType is not (Dhcp6MessageType.Renew or Dhcp6MessageType.Rebind))
            return $"RECONF_MSG {message.ReconfigureMessageType?.ToString() ?? "missing"} is not Renew or Rebind";
        if (message.Auth is not { Protocol: Rkap.Protocol, Algorithm: Rkap.Algorithm, Rdm: Rkap.Rdm } auth)
            return "it carries no RKAP authentication";
        if (lease.ReconfigureKey is not { } key)
            return "the server never gave us a reconfigure key";
        if (_lastReconfigureReplay is { } last && auth.ReplayDetection <= last)
            return $"replay detection {auth.ReplayDetection} is not above the last one seen ({last})";
        if (!Rkap.Verify(datagram.Data.Span, key.Span))
            return "its HMAC-MD5 does not verify with our reconfigure key";
        return null;
    }
}
