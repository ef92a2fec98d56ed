using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp6.Client;

public sealed partial class Dhcp6Client
{
    private int _advertiseOrder;

    private async ValueTask OnDatagramAsync(Dhcp6Datagram datagram)
    {
        if (!Dhcp6Message.TryParse(datagram.Data.Span, out var message, out var error))
        {
            Discard(datagram, $"malformed: {error}");
            return;
        }
        switch (message.Type)
        {
            case Dhcp6MessageType.Advertise:
                await OnAdvertiseAsync(message, datagram).ConfigureAwait(false);
                break;
            case Dhcp6MessageType.Reply:
                await OnReplyAsync(message, datagram).ConfigureAwait(false);
                break;
            case Dhcp6MessageType.Reconfigure:
                await OnReconfigureAsync(message, datagram).ConfigureAwait(false);
                break;
            default:
                Discard(datagram, $"{message.Type} is not a message a client handles");
                break;
        }
    }

    /// <summary>Why a message from a server is not for this client's current exchange, or null when it is.</summary>
    private string? NotOurs(Dhcp6Message message, bool answersSolicit)
    {
        if (_tx is not { } tx || (tx.Type == Dhcp6MessageType.Solicit) != answersSolicit)
            return $"{message.Type} while no matching exchange is open";
        if (message.TransactionId != tx.Id)
            return $"transaction id 0x{message.TransactionId:x6} is not ours (0x{tx.Id:x6})";
        if (message.ClientId is not { } client || !client.Equals(_options.ClientId))
            return "its ClientID is not ours";
        if (message.ServerId is null)
            return "it has no ServerID";
        // RFC 8415 16.10: only a Rebind's Reply may come from a server other than the one we wrote to.
        if (tx.Server is { } server && tx.Type != Dhcp6MessageType.Rebind && !message.ServerId.Equals(server))
            return $"its ServerID {message.ServerId} is not the server we sent to ({server})";
        return null;
    }

    private async ValueTask OnAdvertiseAsync(Dhcp6Message message, Dhcp6Datagram datagram)
    {
        if (NotOurs(message, answersSolicit: true) is { } why)
        {
            Discard(datagram, why);
            return;
        }
        if (message.SolMaxRt is { } solMaxRt)
            UpdateSolicitMaxRt(solMaxRt);
        var ia = message.IaPds.FirstOrDefault(i => i.Iaid == _options.Iaid);
        if (ia is null || ia.Status is { Status: not Dhcp6StatusCode.Success } || ia.Prefixes.Count == 0)
        {
            // RFC 8415 18.2.9: an Advertise that offers no prefix is of no use to a PD-only client.
            Discard(datagram, $"Advertise from {message.ServerId} offers no prefix ({ia?.Status?.Status.ToString() ?? "no IA_PD"})");
            return;
        }
        var advertised = new Advertised(message, datagram.Source, _advertiseOrder++);
        _log.LogInformation("{Interface}: Advertise from {Server} offers {Prefixes}, preference {Preference}", _options.InterfaceName,
            message.ServerId, string.Join(", ", ia.Prefixes.Select(p => p.Prefix)), message.Preference);
        // Preference 255 ends the wait at once; past the first RT, the first usable Advertise is taken (18.2.9).
        if (message.Preference == byte.MaxValue || _tx is { Collecting: false })
        {
            await StartRequestAsync(advertised).ConfigureAwait(false);
            return;
        }
        _advertised.Add(advertised);
    }

    private async ValueTask OnReplyAsync(Dhcp6Message message, Dhcp6Datagram datagram)
    {
        if (_tx is { Type: Dhcp6MessageType.Solicit })
        {
            Discard(datagram, "Reply to a Solicit (we never ask for Rapid Commit)");
            return;
        }
        if (NotOurs(message, answersSolicit: false) is { } why)
        {
            Discard(datagram, why);
            return;
        }
        var tx = _tx!;
        if (message.SolMaxRt is { } solMaxRt)
            UpdateSolicitMaxRt(solMaxRt);
        if (tx.Type == Dhcp6MessageType.Release)
        {
            _tx = null;
            DropLease("released", LogLevel.Information);
            return;
        }
        var result = LeaseFactory.FromReply(message, tx.Type, _lease, _options.Iaid, _time.GetTimestamp(), _time, datagram.Source);
        switch (result.Outcome)
        {
            case ReplyOutcome.Bound:
                await BindAsync(result.Lease!).ConfigureAwait(false);
                break;
            case ReplyOutcome.Request:
                _log.LogWarning("{Interface}: {Server} has no binding for us ({Reason}): requesting it", _options.InterfaceName, message.ServerId, result.Reason);
                await StartRequestForLeaseAsync(message.ServerId!).ConfigureAwait(false);
                break;
            case ReplyOutcome.Solicit:
                _log.LogWarning("{Interface}: Reply to {Type} from {Server}: {Reason}; soliciting again", _options.InterfaceName, tx.Type, message.ServerId, result.Reason);
                await StartSolicitAsync().ConfigureAwait(false);
                break;
            case ReplyOutcome.KeepPrefixes:
                // NoPrefixAvail on Renew/Rebind: keep the prefixes until they expire; the schedule retries later.
                _log.LogWarning("{Interface}: Reply to {Type}: {Reason}; keeping the current prefixes until they expire", _options.InterfaceName, tx.Type, result.Reason);
                break;
            default:
                _log.LogWarning("{Interface}: Reply to {Type}: {Reason}; retrying", _options.InterfaceName, tx.Type, result.Reason);
                break;
        }
    }

    /// <summary>RFC 8415 21.24: SOL_MAX_RT values outside 60..86400 are ignored.</summary>
    private void UpdateSolicitMaxRt(uint seconds)
    {
        if (seconds is < 60 or > 86400)
            return;
        _solicitMaxRt = TimeSpan.FromSeconds(seconds);
        if (_tx is { Type: Dhcp6MessageType.Solicit } tx)
            tx.Schedule = tx.Schedule with { Maximum = _solicitMaxRt };
    }

    private void Discard(Dhcp6Datagram datagram, string reason)
    {
        Interlocked.Increment(ref _discarded);
        _log.LogInformation("{Interface}: ignoring a message from {Source}: {Reason}", _options.InterfaceName, datagram.Source, reason);
    }
}
