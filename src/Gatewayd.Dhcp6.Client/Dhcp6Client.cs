using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp6.Client;

/// <summary>
/// The DHCPv6-PD client (RFC 8415) with the NTT NGN profile. All inputs (datagrams, timer expiries, commands) go
/// through one channel and are handled one at a time, so no state is shared between threads. Timers run on the
/// injected <see cref="TimeProvider"/>, so tests advance time instead of sleeping.
/// </summary>
public sealed partial class Dhcp6Client : IAsyncDisposable
{
    private readonly Dhcp6ClientOptions _options;
    private readonly IDhcp6Transport _transport;
    private readonly ILeaseStore? _store;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Random _random;
    private readonly Channel<Input> _inputs = Channel.CreateUnbounded<Input>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<Dhcp6Event> _events = Channel.CreateUnbounded<Dhcp6Event>(new UnboundedChannelOptions { SingleWriter = true });

    // One timer per role, re-armed on the injected clock (systemd's timeout_resend, timeout_t1, timeout_t2, timeout_expire).
    private readonly RoleTimer _resend;
    private readonly RoleTimer _t1;
    private readonly RoleTimer _t2;
    private readonly RoleTimer _expire;

    private Dhcp6ClientState _state = Dhcp6ClientState.Stopped;
    private Dhcp6Lease? _lease;
    private Transaction? _tx;
    private readonly List<Advertised> _advertised = [];
    private TimeSpan _solicitMaxRt = Dhcp6Constants.SolMaxRt;
    private ulong? _lastReconfigureReplay;
    private long _discarded;

    /// <summary>Creates a client; nothing is sent until <see cref="RunAsync"/> (or, in tests, <c>StartAsync</c>).</summary>
    public Dhcp6Client(Dhcp6ClientOptions options, IDhcp6Transport transport, TimeProvider time, ILogger log,
        ILeaseStore? store = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _transport = transport;
        _time = time;
        _log = log;
        _store = store;
        _random = random ?? Random.Shared;
        _resend = new RoleTimer(TimerRole.Resend, time, _inputs.Writer);
        _t1 = new RoleTimer(TimerRole.T1, time, _inputs.Writer);
        _t2 = new RoleTimer(TimerRole.T2, time, _inputs.Writer);
        _expire = new RoleTimer(TimerRole.Expire, time, _inputs.Writer);
    }

    /// <summary>Lease changes, in order. Read them from one consumer.</summary>
    public ChannelReader<Dhcp6Event> Events => _events.Reader;

    /// <summary>The current state. Read from the loop's thread or for display only.</summary>
    public Dhcp6ClientState State => _state;

    /// <summary>The lease held now, if any.</summary>
    public Dhcp6Lease? Lease => _lease;

    /// <summary>Datagrams dropped as malformed or not for us (odhcp6c's discarded_packets).</summary>
    public long DiscardedPackets => Interlocked.Read(ref _discarded);

    /// <summary>Runs the client until <paramref name="cancellationToken"/> fires: receives, times out, retransmits.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunCoreAsync(releaseStored: false, cancellationToken);

    /// <summary>
    /// Sends a Release for the stored lease (`gatewayd release`) and runs until it is answered or given up
    /// (REL_MAX_RC tries); the stored lease is deleted either way. Returns the released lease, or null when none was stored.
    /// </summary>
    public async Task<Dhcp6Lease?> ReleaseStoredLeaseAsync(CancellationToken cancellationToken)
    {
        if (_store?.Load(_time, out _) is not { } lease)
            return null;
        _lease = lease;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = RunCoreAsync(releaseStored: true, done.Token);
        await foreach (var e in Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e is PrefixLost)
                break;
        }
        await done.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        return lease;
    }

    private async Task RunCoreAsync(bool releaseStored, CancellationToken cancellationToken)
    {
        if (releaseStored)
            await StartReleaseAsync().ConfigureAwait(false);
        else
            await StartAsync().ConfigureAwait(false);
        var receiving = ReceiveLoopAsync(cancellationToken);
        try
        {
            while (await _inputs.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                await PumpAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            StopTimers();
            await receiving.ConfigureAwait(false);
        }
    }

    /// <summary>Asks for a Renew now (as at T1), e.g. from `gatewayd` or D-Bus. Ignored unless bound.</summary>
    public void RequestRenew() => _inputs.Writer.TryWrite(new CommandInput(Command.Renew));

    /// <summary>Asks for a Release of the binding; the lease is dropped whether or not the server answers.</summary>
    public void RequestRelease() => _inputs.Writer.TryWrite(new CommandInput(Command.Release));

    /// <summary>Starts the client: Renew (or Rebind) a stored lease that is still valid, otherwise Solicit.</summary>
    internal async ValueTask StartAsync()
    {
        if (_store?.Load(_time, out var clockTrusted) is { } lease)
        {
            _lease = lease;
            _log.LogInformation("{Interface}: resuming lease {Prefixes} from {Server}{Clock}", _options.InterfaceName,
                Describe(lease), lease.ServerId, clockTrusted ? "" : " (clock not trusted: renewing at once)");
            ArmLeaseTimers(lease);
            await _events.Writer.WriteAsync(new PrefixAcquired(lease)).ConfigureAwait(false);
            // Renew before anything else: a long-running HGW was seen ignoring Solicits but answering Renews for a known binding.
            var pastT2 = clockTrusted && lease.RebindAfter is { } t2 && _time.GetElapsedTime(lease.ObtainedAt) >= t2;
            if (pastT2)
                await StartRebindAsync().ConfigureAwait(false);
            else
                await StartRenewAsync().ConfigureAwait(false);
            return;
        }
        await StartSolicitAsync().ConfigureAwait(false);
    }

    /// <summary>Handles every input queued so far. The loop calls it; tests call it after advancing the clock.</summary>
    internal async ValueTask<int> PumpAsync()
    {
        var handled = 0;
        while (_inputs.Reader.TryRead(out var input))
        {
            handled++;
            switch (input)
            {
                case DatagramInput d:
                    await OnDatagramAsync(d.Datagram).ConfigureAwait(false);
                    break;
                case TimerInput t when t.Generation == TimerFor(t.Role).Generation:
                    await OnTimerAsync(t.Role).ConfigureAwait(false);
                    break;
                case CommandInput c:
                    await OnCommandAsync(c.Command).ConfigureAwait(false);
                    break;
            }
        }
        return handled;
    }

    /// <summary>Queues a datagram as if the transport had received it (the receive loop uses this too).</summary>
    internal void Deliver(Dhcp6Datagram datagram) => _inputs.Writer.TryWrite(new DatagramInput(datagram));

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
                Deliver(await _transport.ReceiveAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void SetState(Dhcp6ClientState next)
    {
        if (next == _state)
            return;
        _log.LogInformation("{Interface}: DHCPv6 {Old} -> {New}", _options.InterfaceName, _state, next);
        _state = next;
    }

    private RoleTimer TimerFor(TimerRole role) => role switch
    {
        TimerRole.Resend => _resend,
        TimerRole.T1 => _t1,
        TimerRole.T2 => _t2,
        _ => _expire,
    };

    private void StopTimers()
    {
        _resend.Stop();
        _t1.Stop();
        _t2.Stop();
        _expire.Stop();
    }

    private static string Describe(Dhcp6Lease lease) => string.Join(", ", lease.Prefixes.Select(p => p.Prefix));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        StopTimers();
        _resend.Dispose();
        _t1.Dispose();
        _t2.Dispose();
        _expire.Dispose();
        _events.Writer.TryComplete();
        await _transport.DisposeAsync().ConfigureAwait(false);
    }
}
