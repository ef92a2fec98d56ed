using System.Runtime.Versioning;
using System.Threading.Channels;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>gatewayd's RA path in the CE namespace: RaSocket -> RaListener -> RouterTracker, with captured logs.</summary>
[SupportedOSPlatform("linux")]
internal sealed class CeDaemon : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly RaSocket _socket;
    private readonly Task _run;
    private readonly Task _pump;

    public CeDaemon(NgnLink link)
    {
        _socket = link.OpenCeSocket();
        Listener = new RaListener(_socket, link.CeAddresses, new RaListenerOptions { InterfaceName = NgnLink.CeInterface }, TimeProvider.System, ListenerLog);
        Tracker = new RouterTracker(TimeProvider.System, TrackerLog, maxLinkMtu: 1500);
        StartTimestamp = TimeProvider.System.GetTimestamp();
        _run = Listener.RunAsync(_stop.Token);
        _pump = Task.Run(async () =>
        {
            await foreach (ReceivedRouterAdvertisement ra in Listener.Advertisements.ReadAllAsync())
                Tracker.Process(ra);
        });
    }

    public ListLogger<RaListener> ListenerLog { get; } = new();

    public ListLogger<RouterTracker> TrackerLog { get; } = new();

    public RaListener Listener { get; }

    public RouterTracker Tracker { get; }

    public long StartTimestamp { get; }

    public string Diagnostics => $"listener log:\n{ListenerLog.Text}\ntracker log:\n{TrackerLog.Text}\nstatistics: {Listener.Statistics}";

    /// <summary>Reads tracker events until one of type <typeparamref name="T"/> matches, or fails after the timeout.</summary>
    public async Task<T> NextEventAsync<T>(TimeSpan timeout, Func<T, bool>? match = null)
        where T : RouterTrackerEvent
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                RouterTrackerEvent e = await Tracker.Events.ReadAsync(cts.Token);
                if (e is T typed && (match is null || match(typed)))
                    return typed;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"no {typeof(T).Name} within {timeout.TotalSeconds} s\n{Diagnostics}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(5));
        await _pump.WaitAsync(TimeSpan.FromSeconds(5));
        Tracker.Dispose();
        await _socket.DisposeAsync();
        _stop.Dispose();
    }
}
