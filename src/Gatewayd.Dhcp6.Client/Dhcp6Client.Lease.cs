using System.Net;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp6.Client;

public sealed partial class Dhcp6Client
{
    private async ValueTask BindAsync(Dhcp6Lease lease)
    {
        _tx = null;
        _resend.Stop();
        var old = _lease;
        if (lease.Prefixes.Count == 0)
        {
            DropLease("the server withdrew every prefix");
            await StartSolicitAsync().ConfigureAwait(false);
            return;
        }
        _lease = lease;
        _store?.Save(lease, _time);
        SetState(Dhcp6ClientState.Bound);
        ArmLeaseTimers(lease);
        Dhcp6Event e = old is null || old.Prefixes.Count == 0 ? new PrefixAcquired(lease)
            : lease.SamePrefixesAs(old) ? new PrefixRenewed(lease)
            : new PrefixChanged(lease, [.. old.Prefixes.Select(p => p.Prefix)]);
        _log.LogInformation("{Interface}: {Event} {Prefixes} from {Server}, renew in {T1}, rebind in {T2}, valid {Valid}",
            _options.InterfaceName, e.GetType().Name, Describe(lease), lease.ServerId,
            lease.RenewAfter?.ToString() ?? "never", lease.RebindAfter?.ToString() ?? "never", lease.ValidUntil?.ToString() ?? "forever");
        _events.Writer.TryWrite(e);
    }

    /// <summary>T1, T2 and expiry, each counted from when the lease was obtained.</summary>
    private void ArmLeaseTimers(Dhcp6Lease lease)
    {
        var age = _time.GetElapsedTime(lease.ObtainedAt);
        ArmOrStop(_t1, lease.RenewAfter - age);
        ArmOrStop(_t2, lease.RebindAfter - age);
        var nextExpiry = lease.Prefixes.Where(p => p.Valid is not null).Select(p => p.Valid!.Value).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        ArmOrStop(_expire, nextExpiry == TimeSpan.MaxValue ? null : nextExpiry - age);
    }

    private static void ArmOrStop(RoleTimer timer, TimeSpan? due)
    {
        if (due is { } d)
            timer.Arm(d);
        else
            timer.Stop();
    }

    private async ValueTask OnTimerAsync(TimerRole role)
    {
        switch (role)
        {
            case TimerRole.Resend:
                await OnResendAsync().ConfigureAwait(false);
                break;
            case TimerRole.T1 when _state == Dhcp6ClientState.Bound:
                await StartRenewAsync().ConfigureAwait(false);
                break;
            case TimerRole.T2 when _state is Dhcp6ClientState.Bound or Dhcp6ClientState.Renewing:
                // RFC 8415 18.2.5: past T2 any server may extend the binding.
                await StartRebindAsync().ConfigureAwait(false);
                break;
            case TimerRole.Expire:
                await OnPrefixesExpiredAsync().ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask OnPrefixesExpiredAsync()
    {
        if (_lease is not { } lease)
            return;
        var age = _time.GetElapsedTime(lease.ObtainedAt);
        var left = lease.Prefixes.Where(p => p.Valid is null || p.Valid > age).ToList();
        if (left.Count == 0)
        {
            DropLease("valid lifetime ended");
            // RFC 8415 18.2.5: when Rebind gets no answer before the lifetimes end, start again with Solicit.
            await StartSolicitAsync().ConfigureAwait(false);
            return;
        }
        var shorter = lease with { Prefixes = left };
        _lease = shorter;
        _store?.Save(shorter, _time);
        ArmLeaseTimers(shorter);
        _events.Writer.TryWrite(new PrefixChanged(shorter, [.. lease.Prefixes.Select(p => p.Prefix)]));
    }

    private void DropLease(string reason, LogLevel level = LogLevel.Warning)
    {
        var old = _lease;
        _lease = null;
        _t1.Stop();
        _t2.Stop();
        _expire.Stop();
        _store?.Delete();
        if (_tx is null)
            _resend.Stop();
        if (old is null)
            return;
        IReadOnlyList<IPNetwork> prefixes = [.. old.Prefixes.Select(p => p.Prefix)];
        _log.Log(level, "{Interface}: PrefixLost {Prefixes}: {Reason}", _options.InterfaceName, string.Join(", ", prefixes), reason);
        _events.Writer.TryWrite(new PrefixLost(prefixes, reason));
        if (_tx is null)
            SetState(Dhcp6ClientState.Stopped);
    }

    private async ValueTask OnCommandAsync(Command command)
    {
        switch (command)
        {
            case Command.Renew when _state == Dhcp6ClientState.Bound:
                await StartRenewAsync().ConfigureAwait(false);
                break;
            case Command.Release when _lease is not null:
                await StartReleaseAsync().ConfigureAwait(false);
                break;
            default:
                _log.LogInformation("{Interface}: {Command} ignored in state {State}", _options.InterfaceName, command, _state);
                break;
        }
    }
}
