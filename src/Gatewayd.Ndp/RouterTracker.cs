using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatewayd.Ndp;

/// <summary>
/// What the WAN's routers say, as state: the Default Router List with preferences and lifetimes, the M/O flags, on-link
/// prefixes, RDNSS/DNSSL and the link MTU (RFC 4861 section 6.3.4, RFC 4191 section 3, RFC 8106 section 5.3). Pure: fed
/// accepted RAs, it never touches a socket; lifetimes run out on one timer from the injected <see cref="TimeProvider"/>.
/// Every change is written, in order, to <see cref="Events"/>. Thread-safe: RAs and timer callbacks are serialised.
/// </summary>
public sealed partial class RouterTracker : IDisposable
{
    /// <summary>Routers kept at once; more are ignored until one leaves (bounds what a rogue RA flood can make us hold).</summary>
    public const int MaxRouters = 8;

    /// <summary>On-link prefixes kept at once.</summary>
    public const int MaxPrefixes = 16;

    /// <summary>RDNSS addresses, and separately DNSSL names, kept at once (RFC 8106 section 5.3.1 lets a host bound them).</summary>
    public const int MaxDnsEntries = 8;

    /// <summary>Minimum IPv6 link MTU; smaller MTU options are ignored (RFC 8200 section 5, RFC 4861 section 6.3.4).</summary>
    public const uint MinimumLinkMtu = 1280;

    // System timers take at most ~49.7 days; longer deadlines are reached by re-arming.
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(1);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly uint? _maxLinkMtu;
    private readonly long _origin;
    private readonly Channel<RouterTrackerEvent> _events = Channel.CreateUnbounded<RouterTrackerEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });

    // The one timer: fires at the earliest deadline of any router, prefix or DNS entry (systemd's timeout_expire).
    private readonly ITimer _expiryTimer;

    private readonly List<RouterEntry> _routers = [];
    private readonly List<Expiring<OnLinkPrefix>> _prefixes = [];
    private readonly List<Expiring<IPAddress>> _dnsServers = [];
    private readonly List<Expiring<string>> _searchDomains = [];
    private long _nextRouterOrder;
    private (bool Managed, bool Other)? _flags;
    private uint? _mtu;
    private ReceivedRouterAdvertisement? _last;
    private bool _disposed;

    /// <summary>Creates an empty tracker.</summary>
    /// <param name="timeProvider">The clock lifetimes run on; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where changes are logged; none when null.</param>
    /// <param name="maxLinkMtu">The interface's largest MTU, if known: larger MTU options are ignored (RFC 4861 section 6.3.4).</param>
    public RouterTracker(TimeProvider? timeProvider = null, ILogger<RouterTracker>? logger = null, uint? maxLinkMtu = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _maxLinkMtu = maxLinkMtu;
        _origin = _time.GetTimestamp();
        _expiryTimer = _time.CreateTimer(static state => ((RouterTracker)state!).OnExpiryTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Every change, in the order it happened. Read it: the channel is unbounded. Completed on <see cref="Dispose"/>.</summary>
    public ChannelReader<RouterTrackerEvent> Events => _events.Reader;

    /// <summary>The Default Router List, best first: by preference (High, Medium, Low), then the one known longest.</summary>
    public IReadOnlyList<DefaultRouter> DefaultRouters
    {
        get
        {
            lock (_gate)
                return SortedRouters();
        }
    }

    /// <summary>The M flag of the latest RA, or null before any.</summary>
    public bool? Managed
    {
        get
        {
            lock (_gate)
                return _flags?.Managed;
        }
    }

    /// <summary>The O flag of the latest RA, or null before any.</summary>
    public bool? OtherConfiguration
    {
        get
        {
            lock (_gate)
                return _flags?.Other;
        }
    }

    /// <summary>The current on-link prefixes, in the order first seen.</summary>
    public IReadOnlyList<OnLinkPrefix> OnLinkPrefixes
    {
        get
        {
            lock (_gate)
                return Values(_prefixes);
        }
    }

    /// <summary>The current RDNSS addresses, in the order first seen.</summary>
    public IReadOnlyList<IPAddress> DnsServers
    {
        get
        {
            lock (_gate)
                return Values(_dnsServers);
        }
    }

    /// <summary>The current DNSSL names, in the order first seen.</summary>
    public IReadOnlyList<string> SearchDomains
    {
        get
        {
            lock (_gate)
                return Values(_searchDomains);
        }
    }

    /// <summary>The link MTU last advertised, or null.</summary>
    public uint? Mtu
    {
        get
        {
            lock (_gate)
                return _mtu;
        }
    }

    /// <summary>
    /// The latest RA processed, for the fields that are not state (cur hop limit, reachable time, retrans timer), or null.
    /// </summary>
    public ReceivedRouterAdvertisement? LastAdvertisement
    {
        get
        {
            lock (_gate)
                return _last;
        }
    }

    /// <summary>Applies one accepted RA (RFC 4861 section 6.3.4) and writes the resulting events.</summary>
    /// <param name="received">The RA, its source and its receive time.</param>
    /// <exception cref="ObjectDisposedException">The tracker was disposed.</exception>
    public void Process(ReceivedRouterAdvertisement received)
    {
        ArgumentNullException.ThrowIfNull(received);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            TimeSpan now = Now;
            // Lifetimes count from reception; a timestamp from the future (another clock) counts as now.
            TimeSpan at = TimeSpan.FromTicks(Math.Min(_time.GetElapsedTime(_origin, received.ReceivedTimestamp).Ticks, now.Ticks));
            _last = received;
            RouterAdvertisement ra = received.Advertisement;
            ApplyFlags(received.Source, ra);
            ApplyRouter(received.Source, ra, at, now);
            ApplyMtu(received.Source, ra);
            ApplyPrefixes(received.Source, ra, at);
            ApplyDns(received.Source, ra, at);
            ExpireDue(now);
            ArmExpiryTimer(now);
        }
    }

    /// <summary>Stops the timer and completes <see cref="Events"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _expiryTimer.Dispose();
            _events.Writer.TryComplete();
        }
    }

    /// <summary>Monotonic time since the tracker was created.</summary>
    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private void Emit(RouterTrackerEvent e) => _events.Writer.TryWrite(e);

    private static List<T> Values<T>(List<Expiring<T>> entries) => entries.ConvertAll(e => e.Value);

    /// <summary>Lifetime in seconds to a deadline on the monotonic clock; infinity (where allowed) never expires.</summary>
    private static TimeSpan Deadline(TimeSpan at, uint seconds, bool infinityAllowed) =>
        infinityAllowed && seconds == NdpConstants.Infinity ? TimeSpan.MaxValue : at + TimeSpan.FromSeconds(seconds);

    private static TimeSpan AsLifetime(uint seconds) =>
        seconds == NdpConstants.Infinity ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);

    private sealed class RouterEntry(DefaultRouter router, long order, TimeSpan deadline)
    {
        public DefaultRouter Router { get; set; } = router;

        public long Order { get; } = order;

        public TimeSpan Deadline { get; set; } = deadline;
    }

    private sealed class Expiring<T>(T value, TimeSpan deadline)
    {
        public T Value { get; set; } = value;

        public TimeSpan Deadline { get; set; } = deadline;
    }
}
