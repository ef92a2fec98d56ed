using Gatewayd.Dhcp6.Client;
using Microsoft.Extensions.Time.Testing;

namespace Gatewayd.Dhcp6.Client.Tests;

public sealed class LeaseStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatewayd-lease-").FullName;

    private string LeasePath => Path.Combine(_dir, "lease.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private FileLeaseStore Store(string bootId, bool synced = false) => new(LeasePath, new ListLogger(), () => bootId, () => synced);

    [Fact]
    public async Task Bound_SavesTheLease_AndARestartRenewsItWithoutSoliciting()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        Server server;
        await using (var first = new ClientHarness(Store("boot-a"), time: time))
            server = await first.BindAsync(extraKey: true);
        Assert.True(File.Exists(LeasePath));

        time.Advance(TimeSpan.FromSeconds(30));
        await using var second = new ClientHarness(Store("boot-a"), time: time);
        await second.StartAsync();
        var renew = Assert.Single(second.Transport.Sent);
        Assert.Equal(Dhcp6MessageType.Renew, renew.Type);
        Assert.Equal(server.Id, renew.ServerId);
        Assert.Equal(Server.Pd, renew.IaPds[0].Prefixes[0].Prefix);
        Assert.Equal((7200u, 10800u), (renew.IaPds[0].T1, renew.IaPds[0].T2));
        Assert.IsType<PrefixAcquired>(Assert.Single(second.Events));
        var restored = second.Client.Lease!;
        Assert.NotNull(restored.ReconfigureKey);
        Assert.Equal(TimeSpan.FromSeconds(30), time.GetElapsedTime(restored.ObtainedAt));
    }

    [Fact]
    public async Task SameBoot_PastT2_Rebinds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using (var first = new ClientHarness(Store("boot-a"), time: time))
            await first.BindAsync();
        time.Advance(TimeSpan.FromSeconds(11000));
        await using var second = new ClientHarness(Store("boot-a"), time: time);
        await second.StartAsync();
        Assert.Equal(Dhcp6MessageType.Rebind, Assert.Single(second.Transport.Sent).Type);
    }

    [Fact]
    public async Task OtherBoot_UnsyncedClockBehind_IsUntrusted_AndRenewsAtOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using (var first = new ClientHarness(Store("boot-a"), time: time))
            await first.BindAsync();
        // A router without a battery clock boots at 1970-ish: the wall clock is far behind the lease.
        var reboot = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = Store("boot-b");
        Assert.NotNull(store.Load(reboot, out var trusted));
        Assert.False(trusted);
        await using var second = new ClientHarness(store, time: reboot);
        await second.StartAsync();
        Assert.Equal(Dhcp6MessageType.Renew, Assert.Single(second.Transport.Sent).Type);
    }

    [Fact]
    public async Task OtherBoot_SyncedClock_AgesTheLeaseByWallTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using (var first = new ClientHarness(Store("boot-a"), time: time))
            await first.BindAsync();
        var reboot = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 10, 0, TimeSpan.Zero));
        var lease = Store("boot-b", synced: true).Load(reboot, out var trusted)!;
        Assert.True(trusted);
        Assert.InRange(reboot.GetElapsedTime(lease.ObtainedAt).TotalSeconds, 599, 601);
    }

    [Fact]
    public void CorruptFile_IsMovedAside_AndNoLeaseIsLoaded()
    {
        File.WriteAllText(LeasePath, "{ not json");
        var store = Store("boot-a");
        Assert.Null(store.Load(TimeProvider.System, out _));
        Assert.False(File.Exists(LeasePath));
        Assert.Single(Directory.GetFiles(_dir, "lease.json.corrupt-*"));
    }

    [Fact]
    public async Task LeaseLost_DeletesTheFile()
    {
        var time = new FakeTimeProvider();
        await using var h = new ClientHarness(Store("boot-a"), time: time);
        await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        Assert.True(File.Exists(LeasePath));
        await h.AdvanceAsync(TimeSpan.FromSeconds(51));
        Assert.False(File.Exists(LeasePath));
    }
}

public sealed class ReleaseStoredTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gatewayd-release-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ReleaseStoredLease_SendsReleaseToTheBoundServer_ThenForgetsTheLease()
    {
        var path = Path.Combine(_dir, "lease.json");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        Server server;
        await using (var first = new ClientHarness(new FileLeaseStore(path, new ListLogger(), () => "b", () => false), time: time))
            server = await first.BindAsync();
        await using var h = new ClientHarness(new FileLeaseStore(path, new ListLogger(), () => "b", () => false), time: time);
        var releasing = h.Client.ReleaseStoredLeaseAsync(CancellationToken.None);
        await h.PumpAsync();
        var release = Assert.Single(h.Transport.Sent);
        Assert.Equal(Dhcp6MessageType.Release, release.Type);
        Assert.Equal(server.Id, release.ServerId);
        Assert.Equal(Server.Pd, release.IaPds[0].Prefixes[0].Prefix);
        h.Client.Deliver(server.Datagram(new Dhcp6Message(Dhcp6MessageType.Reply, release.TransactionId,
            [new ClientIdOption(h.Options.ClientId), new ServerIdOption(server.Id), new StatusCodeOption(Dhcp6StatusCode.Success)])));
        Assert.Equal(Server.Pd, (await releasing.WaitAsync(TimeSpan.FromSeconds(5)))?.PrimaryPrefix);
        Assert.False(File.Exists(path));
    }
}
