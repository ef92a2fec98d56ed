using System.Threading.Channels;

namespace Gatewayd.Dhcp6.Client;

internal enum TimerRole { Resend, T1, T2, Expire }

internal enum Command { Renew, Release }

internal abstract record Input;

internal sealed record DatagramInput(Dhcp6Datagram Datagram) : Input;

/// <summary>A timer expiry; <see cref="Generation"/> tells a stale expiry (re-armed since) from a current one.</summary>
internal sealed record TimerInput(TimerRole Role, int Generation) : Input;

internal sealed record CommandInput(Command Command) : Input;

/// <summary>One named timer on the injected clock. Its expiries are posted to the client's input channel, never run inline.</summary>
internal sealed class RoleTimer : IDisposable
{
    private readonly TimerRole _role;
    private readonly ITimer _timer;
    private readonly ChannelWriter<Input> _inputs;
    private int _generation;

    public RoleTimer(TimerRole role, TimeProvider time, ChannelWriter<Input> inputs)
    {
        _role = role;
        _inputs = inputs;
        _timer = time.CreateTimer(static s => ((RoleTimer)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Bumped on every arm and stop, so an expiry already queued for an older arming is ignored.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public void Arm(TimeSpan due)
    {
        Interlocked.Increment(ref _generation);
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        Interlocked.Increment(ref _generation);
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void Fire() => _inputs.TryWrite(new TimerInput(_role, Generation));

    public void Dispose() => _timer.Dispose();
}
