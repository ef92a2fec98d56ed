using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp6.Client;

public sealed partial class Dhcp6Client
{
    private static readonly Retransmission RequestSchedule = new(Dhcp6Constants.ReqTimeout, Dhcp6Constants.ReqMaxRt, Dhcp6Constants.ReqMaxRc, null);
    private static readonly Retransmission RenewSchedule = new(Dhcp6Constants.RenTimeout, Dhcp6Constants.RenMaxRt, 0, null);
    private static readonly Retransmission RebindSchedule = new(Dhcp6Constants.RebTimeout, Dhcp6Constants.RebMaxRt, 0, null);
    private static readonly Retransmission ReleaseSchedule = new(Dhcp6Constants.RelTimeout, TimeSpan.Zero, Dhcp6Constants.RelMaxRc, null);

    private ValueTask StartSolicitAsync()
    {
        _advertised.Clear();
        SetState(Dhcp6ClientState.Soliciting);
        var schedule = new Retransmission(Dhcp6Constants.SolTimeout, _solicitMaxRt, 0, null);
        _tx = new Transaction(Dhcp6MessageType.Solicit, NewTransactionId(), schedule, null, BuildSolicit);
        // RFC 8415 18.2.1: the first Solicit is delayed by a random time in [0, SOL_MAX_DELAY].
        _resend.Arm(Dhcp6Constants.SolMaxDelay * _random.NextDouble());
        return ValueTask.CompletedTask;
    }

    private ValueTask StartRequestAsync(Advertised chosen)
    {
        _advertised.Clear();
        if (_options.ProbeOnly)
        {
            _tx = null;
            _resend.Stop();
            SetState(Dhcp6ClientState.Stopped);
            _events.Writer.TryWrite(new PrefixOffered(chosen.Message, chosen.From));
            return ValueTask.CompletedTask;
        }
        SetState(Dhcp6ClientState.Requesting);
        var offer = chosen.Message;
        var ia = offer.IaPds.FirstOrDefault(i => i.Iaid == _options.Iaid);
        _tx = new Transaction(Dhcp6MessageType.Request, NewTransactionId(), RequestSchedule, offer.ServerId,
            elapsed => BuildRequest(elapsed, offer.ServerId!, ia));
        _log.LogInformation("{Interface}: requesting {Prefixes} from {Server} (preference {Preference})", _options.InterfaceName,
            ia is null ? "a prefix" : string.Join(", ", ia.Prefixes.Select(p => p.Prefix)), offer.ServerId, offer.Preference);
        return TransmitAsync();
    }

    /// <summary>After NoBinding: ask the same server to create the binding we hold (RFC 8415 18.2.10.1).</summary>
    private ValueTask StartRequestForLeaseAsync(Duid server)
    {
        SetState(Dhcp6ClientState.Requesting);
        _tx = new Transaction(Dhcp6MessageType.Request, NewTransactionId(), RequestSchedule, server,
            elapsed => BuildRequest(elapsed, server, _lease is null ? null : LeaseIaPd(_lease)));
        return TransmitAsync();
    }

    private ValueTask StartRenewAsync()
    {
        if (_lease is not { } lease)
            return StartSolicitAsync();
        SetState(Dhcp6ClientState.Renewing);
        _tx = new Transaction(Dhcp6MessageType.Renew, NewTransactionId(), RenewSchedule, lease.ServerId,
            elapsed => BuildRenewOrRebind(Dhcp6MessageType.Renew, elapsed, lease));
        return TransmitAsync();
    }

    private ValueTask StartRebindAsync()
    {
        if (_lease is not { } lease)
            return StartSolicitAsync();
        SetState(Dhcp6ClientState.Rebinding);
        _tx = new Transaction(Dhcp6MessageType.Rebind, NewTransactionId(), RebindSchedule, null,
            elapsed => BuildRenewOrRebind(Dhcp6MessageType.Rebind, elapsed, lease));
        return TransmitAsync();
    }

    private ValueTask StartReleaseAsync()
    {
        if (_lease is not { } lease)
            return ValueTask.CompletedTask;
        SetState(Dhcp6ClientState.Releasing);
        _tx = new Transaction(Dhcp6MessageType.Release, NewTransactionId(), ReleaseSchedule, lease.ServerId,
            elapsed => BuildRelease(elapsed, lease));
        return TransmitAsync();
    }

    /// <summary>Sends the current transaction's message (again), then arms the resend timer for the next RT.</summary>
    private async ValueTask TransmitAsync()
    {
        if (_tx is not { } tx)
            return;
        var elapsed = tx.StartedAt is { } started ? ElapsedHundredths(_time.GetElapsedTime(started)) : (ushort)0;
        var message = tx.Build(elapsed);
        try
        {
            await _transport.SendAsync(message.ToArray(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            // The link may be down for a moment (ONU reboot): the retransmission schedule tries again.
            _log.LogWarning("{Interface}: sending {Type} failed: {Error}", _options.InterfaceName, tx.Type, e.Message);
        }
        // Timed from when the message left: the transport may have held it until the link-local passed DAD, and the
        // first Solicit's RT is the window for collecting Advertises (RFC 8415 18.2.1).
        tx.StartedAt ??= _time.GetTimestamp();
        var first = tx.Sent == 0;
        tx.Sent++;
        tx.LastRt = tx.Schedule.Next(tx.LastRt, _random, firstSolicit: first && tx.Type == Dhcp6MessageType.Solicit);
        if (first && tx.Type == Dhcp6MessageType.Solicit)
            tx.Collecting = true;
        if (ReferenceEquals(_tx, tx))
            _resend.Arm(tx.LastRt.Value);
        _log.LogDebug("{Interface}: sent {Type} xid 0x{Xid:x6} (#{Count}, elapsed {Elapsed} cs, next in {Rt})",
            _options.InterfaceName, tx.Type, tx.Id, tx.Sent, elapsed, tx.LastRt.Value);
    }

    /// <summary>RFC 8415 21.9: hundredths of a second since the exchange began, 0xffff when longer.</summary>
    internal static ushort ElapsedHundredths(TimeSpan elapsed) =>
        (ushort)Math.Clamp((long)(elapsed.TotalMilliseconds / 10), 0, ushort.MaxValue);

    private async ValueTask OnResendAsync()
    {
        if (_tx is not { } tx)
            return;
        if (tx.Sent == 0)
        {
            await TransmitAsync().ConfigureAwait(false);
            return;
        }
        if (tx.Type == Dhcp6MessageType.Solicit && tx.Collecting)
        {
            // The first RT is over: take the best Advertise collected, if any (RFC 8415 18.2.1).
            tx.Collecting = false;
            if (BestAdvertised() is { } best)
            {
                await StartRequestAsync(best).ConfigureAwait(false);
                return;
            }
        }
        if (tx.Schedule.MaxCount > 0 && tx.Sent >= tx.Schedule.MaxCount)
        {
            await OnExchangeFailedAsync(tx).ConfigureAwait(false);
            return;
        }
        await TransmitAsync().ConfigureAwait(false);
    }

    private async ValueTask OnExchangeFailedAsync(Transaction tx)
    {
        _log.LogWarning("{Interface}: {Type} unanswered after {Count} tries", _options.InterfaceName, tx.Type, tx.Sent);
        _tx = null;
        if (tx.Type == Dhcp6MessageType.Release)
        {
            DropLease("released (server did not answer)", LogLevel.Information);
            return;
        }
        // A Request nobody answers: look for a server again (RFC 8415 18.2.2).
        await StartSolicitAsync().ConfigureAwait(false);
    }

    private Advertised? BestAdvertised() =>
        _advertised.OrderByDescending(a => a.Message.Preference).ThenBy(a => a.Order).FirstOrDefault();

    private uint NewTransactionId() => (uint)_random.Next(0, (int)Dhcp6Message.MaxTransactionId + 1);
}
