using Gatewayd.Netlink;

namespace Gatewayd.Tests.Reconcile;

/// <summary>
/// An in-memory kernel behind <see cref="INetlinkConnection"/>: decodes each request with the real codecs, keeps links,
/// addresses and routes, answers dumps, and records every write. It mimics the kernel where the reconciler depends on it:
/// EEXIST on exclusive creates, ENODEV for unknown links, IPv6 metric 0 becoming 1024, unreachable IPv6 routes on lo,
/// and a link's addresses and routes going with it. Named <c>Fail</c> lets a test make one request fail.
/// </summary>
internal sealed class KernelTwin : INetlinkConnection
{
    private const int Loopback = 1;
    private int _nextIndex = 2;

    public KernelTwin()
    {
        Links.Add(new LinkInfo { Index = Loopback, Name = "lo", Flags = LinkFlags.Up | LinkFlags.Loopback, Mtu = 65536 });
    }

    public List<LinkInfo> Links { get; } = [];

    public List<AddressInfo> Addresses { get; } = [];

    public List<RouteInfo> Routes { get; } = [];

    /// <summary>Every request that was not a dump or a GET, in order.</summary>
    public List<NetlinkRequest> Writes { get; } = [];

    /// <summary>Returns an exception for a request that should fail, or null.</summary>
    public Func<NetlinkRequest, NetlinkException?> Fail { get; set; } = _ => null;

    public int AddLink(string name, string? kind = null, bool up = true)
    {
        var index = _nextIndex++;
        Links.Add(new LinkInfo { Index = index, Name = name, Kind = kind, Flags = up ? LinkFlags.Up : LinkFlags.None, Mtu = 1500 });
        return index;
    }

    public int IndexOf(string name) => Links.Single(l => l.Name == name).Index;

    public Task<NetlinkReply> ExecuteAsync(NetlinkRequest request, CancellationToken cancellationToken)
    {
        var type = (RtMessageType)request.Header.Type;
        if (!request.IsDump && type is not (RtMessageType.GetLink or RtMessageType.GetAddress or RtMessageType.GetRoute))
        {
            Writes.Add(request);
            if (Fail(request) is { } failure)
                throw failure;
        }
        return Task.FromResult(Answer(request, type));
    }

    public void Dispose()
    {
    }

    private NetlinkReply Answer(NetlinkRequest request, RtMessageType type)
    {
        var span = request.Message.Span;
        switch (type)
        {
            case RtMessageType.GetLink when request.IsDump:
                return Reply(Links.Select(l => l.ToMessage(RtMessageType.NewLink, NetlinkMessageFlags.Multi)));
            case RtMessageType.GetLink:
                var wanted = Parse<LinkInfo>(LinkInfo.TryParse(span, out var get, out _), get);
                var found = Links.FirstOrDefault(l => wanted.Index != 0 ? l.Index == wanted.Index : l.Name == wanted.Name)
                    ?? throw Error(request, Errno.ENODEV);
                return Reply([found.ToMessage(RtMessageType.NewLink, 0)]);
            case RtMessageType.NewLink:
                NewLink(request, Parse<LinkInfo>(LinkInfo.TryParse(span, out var link, out _), link));
                break;
            case RtMessageType.DeleteLink:
                var gone = Link(request, Parse<LinkInfo>(LinkInfo.TryParse(span, out var del, out _), del).Index);
                Links.Remove(gone);
                Addresses.RemoveAll(a => a.Index == gone.Index);
                Routes.RemoveAll(r => r.OutputInterface == gone.Index);
                break;
            case RtMessageType.GetAddress:
                return Reply(Addresses.Select(a => a.ToMessage(RtMessageType.NewAddress, NetlinkMessageFlags.Multi)));
            case RtMessageType.NewAddress:
                NewAddress(request, Parse<AddressInfo>(AddressInfo.TryParse(span, out var address, out _), address));
                break;
            case RtMessageType.DeleteAddress:
                var a = Parse<AddressInfo>(AddressInfo.TryParse(span, out var delAddress, out _), delAddress);
                if (Addresses.RemoveAll(x => SameAddress(x, a)) == 0)
                    throw Error(request, Errno.EADDRNOTAVAIL);
                break;
            case RtMessageType.GetRoute:
                return Reply(Routes.Select(r => r.ToMessage(RtMessageType.NewRoute, NetlinkMessageFlags.Multi)));
            case RtMessageType.NewRoute:
                NewRoute(request, Parse<RouteInfo>(RouteInfo.TryParse(span, out var route, out _), route));
                break;
            case RtMessageType.DeleteRoute:
                var r = Normalize(Parse<RouteInfo>(RouteInfo.TryParse(span, out var delRoute, out _), delRoute));
                var victim = Routes.FirstOrDefault(x => SameRoute(x, r) && x.Protocol == r.Protocol
                    && (r.OutputInterface is null || x.OutputInterface == r.OutputInterface)) ?? throw Error(request, Errno.ESRCH);
                Routes.Remove(victim);
                break;
            default:
                throw Error(request, Errno.EOPNOTSUPP);
        }
        return Reply([]);
    }

    private void NewLink(NetlinkRequest request, LinkInfo link)
    {
        if (link.Index == 0)
        {
            if (Links.Any(l => l.Name == link.Name))
                throw Error(request, Errno.EEXIST);
            Links.Add(link with { Index = _nextIndex++, Flags = LinkFlags.None, ChangeMask = LinkFlags.None, Mtu = link.Mtu ?? 1452 });
            return;
        }
        var current = Link(request, link.Index);
        var flags = (current.Flags & ~link.ChangeMask) | (link.Flags & link.ChangeMask);
        var changed = current with { Flags = flags, Mtu = link.Mtu ?? current.Mtu, Ip6Tunnel = link.Ip6Tunnel ?? current.Ip6Tunnel };
        Links[Links.IndexOf(current)] = changed;
    }

    private void NewAddress(NetlinkRequest request, AddressInfo address)
    {
        Link(request, address.Index);
        var existing = Addresses.FindIndex(x => SameAddress(x, address));
        var flags = request.Header.Flags;
        if (existing >= 0 && flags.HasFlag(NetlinkMessageFlags.Exclusive))
            throw Error(request, Errno.EEXIST);

        // The kernel reports configured addresses as permanent.
        var stored = address with { Flags = address.Flags | AddressFlags.Permanent };
        if (existing >= 0)
            Addresses[existing] = stored;
        else
            Addresses.Add(stored);
    }

    private void NewRoute(NetlinkRequest request, RouteInfo route)
    {
        if (route.OutputInterface is { } oif)
            Link(request, oif);
        route = Normalize(route);
        if (route.Family == InetFamily.IPv6 && route.Type == RouteType.Unreachable)
            route = route with { OutputInterface = Loopback };
        var existing = Routes.FindIndex(x => SameRoute(x, route));
        if (existing >= 0 && request.Header.Flags.HasFlag(NetlinkMessageFlags.Exclusive))
            throw Error(request, Errno.EEXIST);
        if (existing >= 0)
            Routes[existing] = route;
        else
            Routes.Add(route);
    }

    private static RouteInfo Normalize(RouteInfo route) =>
        route.Family == InetFamily.IPv6 && route.Priority is null or 0 ? route with { Priority = 1024 }
        : route.Family == InetFamily.IPv4 && route.Priority == 0 ? route with { Priority = null } : route;

    private static bool SameAddress(AddressInfo x, AddressInfo y) =>
        x.Index == y.Index && x.PrefixLength == y.PrefixLength && Equals(x.EffectiveAddress, y.EffectiveAddress);

    private static bool SameRoute(RouteInfo x, RouteInfo y) =>
        x.Family == y.Family && x.DestinationLength == y.DestinationLength && Equals(x.Destination, y.Destination)
        && x.Table == y.Table && x.Priority == y.Priority && x.Tos == y.Tos;

    private LinkInfo Link(NetlinkRequest request, int index) =>
        Links.FirstOrDefault(l => l.Index == index) ?? throw Error(request, Errno.ENODEV);

    private static T Parse<T>(bool ok, T? value)
        where T : class => ok && value is not null ? value : throw new InvalidOperationException("twin: request does not decode");

    private static NetlinkException Error(NetlinkRequest request, int errno) => new(request.Operation, errno, null);

    private static NetlinkReply Reply(IEnumerable<byte[]> messages) => new([.. messages.Select(m => (ReadOnlyMemory<byte>)m)], Interrupted: false);
}
