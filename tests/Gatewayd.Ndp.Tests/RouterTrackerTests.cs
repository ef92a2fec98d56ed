using System.Net;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gatewayd.Ndp.Tests;

public sealed class RouterTrackerTests : IDisposable
{
    private static readonly IPNetwork NgnPrefix = IPNetwork.Parse("2400:4050:5c71:af00::/64");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RouterTracker _tracker;

    public RouterTrackerTests() => _tracker = new RouterTracker(_time);

    public void Dispose() => _tracker.Dispose();

    private void Feed(IPAddress source, RouterAdvertisement ra) =>
        _tracker.Process(new ReceivedRouterAdvertisement(source, ra, _time.GetTimestamp()));

    private void Feed(IPAddress source, byte[] wire)
    {
        Assert.True(RouterAdvertisement.TryParse(wire, out RouterAdvertisement? ra, out NdpParseError? error), error?.ToString());
        Feed(source, ra);
    }

    private List<RouterTrackerEvent> Drain()
    {
        var events = new List<RouterTrackerEvent>();
        while (_tracker.Events.TryRead(out RouterTrackerEvent? e))
            events.Add(e);
        return events;
    }

    private static RouterAdvertisement Ra(ushort lifetime, RouterPreference preference = RouterPreference.Medium, bool managed = true,
        bool other = true, params NdpOption[] options) =>
        new(64, managed, other, preference, lifetime, 0, 0, options);

    [Fact]
    public void Ngn_ra_yields_router_flags_mtu_prefix_and_dns_in_order()
    {
        Feed(Addresses.RouterA, RaVectors.Ngn);

        List<RouterTrackerEvent> events = Drain();
        Assert.Collection(events,
            e => Assert.Equal(new FlagsChanged(true, true, Addresses.RouterA), e),
            e =>
            {
                DefaultRouter router = Assert.IsType<DefaultRouterAppeared>(e).Router;
                Assert.Equal(Addresses.RouterA, router.Address);
                Assert.Equal(RouterPreference.Medium, router.Preference);
                Assert.Equal(TimeSpan.FromSeconds(1800), router.Lifetime);
                Assert.Equal("00:11:22:33:44:55", router.LinkLayerAddress);
                Assert.Equal(_time.GetUtcNow().AddSeconds(1800), router.ExpiresAt);
            },
            e => Assert.Equal(new MtuChanged(null, 1500), e),
            e =>
            {
                OnLinkPrefix prefix = Assert.Single(Assert.IsType<OnLinkPrefixesChanged>(e).Prefixes);
                Assert.Equal(NgnPrefix, prefix.Prefix);
                Assert.True(prefix.Autonomous);
                Assert.Equal(TimeSpan.FromSeconds(2592000), prefix.ValidLifetime);
                Assert.Equal(TimeSpan.FromSeconds(604800), prefix.PreferredLifetime);
            },
            e =>
            {
                var dns = Assert.IsType<DnsChanged>(e);
                Assert.Equal([IPAddress.Parse("2400:4050:5c71:af00::1")], dns.Servers);
                Assert.Equal(["example.jp"], dns.SearchDomains);
            });
        Assert.True(_tracker.Managed);
        Assert.True(_tracker.OtherConfiguration);
        Assert.Equal((uint)1500, _tracker.Mtu);
    }

    [Fact]
    public void Repeated_identical_ra_is_only_a_refresh()
    {
        Feed(Addresses.RouterA, RaVectors.Ngn);
        Drain();
        _time.Advance(TimeSpan.FromSeconds(4));
        Feed(Addresses.RouterA, RaVectors.Ngn);
        Assert.Empty(Drain());
    }

    [Fact]
    public void Router_expires_when_its_lifetime_runs_out_without_sleeping()
    {
        Feed(Addresses.RouterA, Ra(1800));
        Drain();

        _time.Advance(TimeSpan.FromSeconds(1799));
        Assert.Empty(Drain());
        _time.Advance(TimeSpan.FromSeconds(1));

        var lost = Assert.IsType<DefaultRouterLost>(Assert.Single(Drain()));
        Assert.Equal(RouterLossReason.Expired, lost.Reason);
        Assert.Equal(Addresses.RouterA, lost.Router.Address);
        Assert.Empty(_tracker.DefaultRouters);
    }

    [Fact]
    public void Fresh_ra_restarts_the_router_lifetime()
    {
        Feed(Addresses.RouterA, Ra(1800));
        _time.Advance(TimeSpan.FromSeconds(1000));
        Feed(Addresses.RouterA, Ra(1800));
        Drain();

        _time.Advance(TimeSpan.FromSeconds(1799));
        Assert.Empty(Drain());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<DefaultRouterLost>(Assert.Single(Drain()));
    }

    [Fact]
    public void Lifetime_counts_from_reception_not_from_processing()
    {
        long received = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(10)); // the RA sat in a queue
        _tracker.Process(new ReceivedRouterAdvertisement(Addresses.RouterA, Ra(30), received));
        Drain();

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.IsType<DefaultRouterLost>(Assert.Single(Drain()));
    }

    [Fact]
    public void Router_lifetime_zero_withdraws_at_once()
    {
        Feed(Addresses.RouterA, Ra(1800));
        Drain();

        Feed(Addresses.RouterA, Ra(0));

        var lost = Assert.IsType<DefaultRouterLost>(Assert.Single(Drain()));
        Assert.Equal(RouterLossReason.LifetimeZero, lost.Reason);
        Assert.Empty(_tracker.DefaultRouters);
        // Nothing left to expire later.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(Drain());
    }

    [Fact]
    public void Lifetime_zero_from_an_unknown_router_is_no_event()
    {
        Feed(Addresses.RouterA, Ra(0));
        Assert.IsType<FlagsChanged>(Assert.Single(Drain()));
        Assert.Empty(_tracker.DefaultRouters);
    }

    [Fact]
    public void Second_router_appears_and_expires_on_its_own()
    {
        Feed(Addresses.RouterA, Ra(1800));
        _time.Advance(TimeSpan.FromSeconds(100));
        Feed(Addresses.RouterB, Ra(600));

        Assert.Equal(Addresses.RouterB, Assert.IsType<DefaultRouterAppeared>(Assert.Single(Drain(), e => e is DefaultRouterAppeared { Router.Address: var a } && a.Equals(Addresses.RouterB))).Router.Address);
        Assert.Equal([Addresses.RouterA, Addresses.RouterB], _tracker.DefaultRouters.Select(r => r.Address));

        _time.Advance(TimeSpan.FromSeconds(600));
        var lost = Assert.IsType<DefaultRouterLost>(Assert.Single(Drain()));
        Assert.Equal(Addresses.RouterB, lost.Router.Address);
        Assert.Equal([Addresses.RouterA], _tracker.DefaultRouters.Select(r => r.Address));
    }

    [Fact]
    public void Routers_are_ordered_by_preference_then_age()
    {
        Feed(Addresses.RouterA, Ra(1800, RouterPreference.Low));
        Feed(Addresses.RouterB, Ra(1800, RouterPreference.Medium));
        Feed(Addresses.RouterC, Ra(1800, RouterPreference.High));
        Feed(IPAddress.Parse("fe80::4"), Ra(1800, RouterPreference.Medium));

        Assert.Equal(["fe80::3", "fe80::2", "fe80::4", "fe80::1"], _tracker.DefaultRouters.Select(r => r.Address.ToString()));
    }

    [Fact]
    public void Preference_change_is_a_router_change()
    {
        Feed(Addresses.RouterA, Ra(1800, RouterPreference.Medium));
        Drain();

        Feed(Addresses.RouterA, Ra(1800, RouterPreference.High));

        var changed = Assert.IsType<DefaultRouterChanged>(Assert.Single(Drain()));
        Assert.Equal(RouterPreference.Medium, changed.Previous.Preference);
        Assert.Equal(RouterPreference.High, changed.Current.Preference);
    }

    [Fact]
    public void Flags_change_is_reported_with_the_router_that_changed_them()
    {
        Feed(Addresses.RouterA, Ra(1800, managed: true, other: true));
        Drain();

        // Behind an HGW the NGN-side RA has only O set.
        Feed(Addresses.RouterB, Ra(1800, managed: false, other: true));

        Assert.Contains(new FlagsChanged(false, true, Addresses.RouterB), Drain());
        Assert.False(_tracker.Managed);
    }

    [Fact]
    public void Prefix_valid_lifetime_zero_withdraws_it()
    {
        Feed(Addresses.RouterA, RaVectors.Ngn);
        Drain();

        Feed(Addresses.RouterA, Ra(1800, options: new PrefixInformationOption(NgnPrefix, true, true, 0, 0)));

        Assert.Empty(Assert.IsType<OnLinkPrefixesChanged>(Assert.Single(Drain())).Prefixes);
    }

    [Fact]
    public void Prefix_expires_after_its_valid_lifetime()
    {
        Feed(Addresses.RouterA, Ra(1800, options: new PrefixInformationOption(NgnPrefix, true, true, 600, 300)));
        Drain();

        _time.Advance(TimeSpan.FromSeconds(600));

        Assert.Empty(Assert.IsType<OnLinkPrefixesChanged>(Assert.Single(Drain())).Prefixes);
    }

    [Fact]
    public void Off_link_and_link_local_prefixes_are_not_on_link_prefixes()
    {
        Feed(Addresses.RouterA, Ra(1800, options:
        [
            new PrefixInformationOption(NgnPrefix, onLink: false, autonomous: true, 600, 300),
            new PrefixInformationOption(IPNetwork.Parse("fe80::/64"), onLink: true, autonomous: false, 600, 300),
        ]));

        Assert.DoesNotContain(Drain(), e => e is OnLinkPrefixesChanged);
        Assert.Empty(_tracker.OnLinkPrefixes);
    }

    [Fact]
    public void Infinite_lifetimes_never_expire_even_past_the_timer_limit()
    {
        Feed(Addresses.RouterA, Ra(1800, options:
        [
            new PrefixInformationOption(NgnPrefix, true, true, NdpConstants.Infinity, NdpConstants.Infinity),
            new RecursiveDnsServerOption(0xfffffffe, IPAddress.Parse("2001:db8::53")),
        ]));
        Drain();

        _time.Advance(TimeSpan.FromDays(60)); // past the ~49.7-day limit of one timer period

        Assert.Collection(Drain(),
            e => Assert.IsType<DefaultRouterLost>(e));
        Assert.Single(_tracker.OnLinkPrefixes);
        Assert.Single(_tracker.DnsServers);
        Assert.Equal(TimeSpan.FromDays(60), _time.GetUtcNow() - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Rdnss_lifetime_zero_removes_the_server_and_dnssl_expires()
    {
        IPAddress server = IPAddress.Parse("2001:db8::53");
        Feed(Addresses.RouterA, Ra(1800, options: [new RecursiveDnsServerOption(1800, server), new DnsSearchListOption(60, "flets-east.jp")]));
        Assert.Equal(["flets-east.jp"], Assert.IsType<DnsChanged>(Drain()[^1]).SearchDomains);

        _time.Advance(TimeSpan.FromSeconds(60));
        var expired = Assert.IsType<DnsChanged>(Assert.Single(Drain()));
        Assert.Equal([server], expired.Servers);
        Assert.Empty(expired.SearchDomains);

        Feed(Addresses.RouterA, Ra(1800, options: new RecursiveDnsServerOption(0, server)));
        var withdrawn = Assert.IsType<DnsChanged>(Assert.Single(Drain()));
        Assert.Empty(withdrawn.Servers);
    }

    [Fact]
    public void Link_local_rdnss_gets_the_interface_scope_of_the_ra()
    {
        var source = new IPAddress(Addresses.RouterA.GetAddressBytes(), 7);
        Feed(source, Ra(1800, options: new RecursiveDnsServerOption(1800, IPAddress.Parse("fe80::53"))));

        Assert.Equal(7, Assert.Single(_tracker.DnsServers).ScopeId);
    }

    [Theory]
    [InlineData(1279u)]
    [InlineData(1501u)]
    public void Mtu_outside_the_link_range_is_ignored(uint mtu)
    {
        using var tracker = new RouterTracker(_time, maxLinkMtu: 1500);
        tracker.Process(new ReceivedRouterAdvertisement(Addresses.RouterA, Ra(1800, options: new MtuOption(mtu)), _time.GetTimestamp()));

        Assert.Null(tracker.Mtu);
    }

    [Fact]
    public void Mtu_change_reports_old_and_new()
    {
        Feed(Addresses.RouterA, Ra(1800, options: new MtuOption(1500)));
        Drain();
        Feed(Addresses.RouterA, Ra(1800, options: new MtuOption(1454)));

        Assert.Equal(new MtuChanged(1500, 1454), Assert.Single(Drain()));
    }

    [Fact]
    public void Router_list_is_bounded()
    {
        for (int i = 1; i <= RouterTracker.MaxRouters + 2; i++)
            Feed(IPAddress.Parse($"fe80::{i:x}"), Ra(1800));

        Assert.Equal(RouterTracker.MaxRouters, _tracker.DefaultRouters.Count);
    }

    [Fact]
    public void Dispose_completes_the_event_stream()
    {
        Feed(Addresses.RouterA, Ra(1800));
        _tracker.Dispose();

        Assert.True(_tracker.Events.Completion.IsCompleted || _tracker.Events.TryRead(out _));
        Drain();
        Assert.True(_tracker.Events.Completion.IsCompleted);
        Assert.Throws<ObjectDisposedException>(() => Feed(Addresses.RouterA, Ra(1800)));
    }
}
