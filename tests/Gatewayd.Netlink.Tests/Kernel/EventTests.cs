using System.Net;

namespace Gatewayd.Netlink.Tests.Kernel;

public class EventTests
{
    [KernelFact]
    public async Task ChangesMadeByIp_ArriveAsTypedEvents()
    {
        using var ns = new TestNamespace();
        using var events = RtNetlinkEventSource.OpenIn(ns.Path);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        ns.Ip("link add veth0 type veth peer name veth1");
        ns.Ip("link set veth0 up");
        ns.Ip("addr add 192.0.2.1/24 dev veth0");
        ns.Ip("addr add 2001:db8::1/64 dev veth0 nodad");
        ns.Ip("route add 203.0.113.0/24 via 192.0.2.254 proto 157");
        ns.Ip("-6 route add 2001:db8:5::/48 via 2001:db8::ff proto 157");
        ns.Ip("rule add pref 1000 fwmark 7 table 100");
        ns.Ip("-6 rule add pref 1001 fwmark 7 table 100");
        ns.Ip("route del 203.0.113.0/24");
        ns.Ip("link del veth0");

        var seen = new List<RtNetlinkEvent>();
        await foreach (var e in events.ReadEventsAsync(timeout.Token))
        {
            seen.Add(e);
            if (e is LinkEvent { Removed: true, Link.Name: "veth0" })
            {
                break;
            }
        }

        Assert.Contains(seen, e => e is LinkEvent { Removed: false, Link: { Name: "veth0", Kind: "veth" } });
        Assert.Contains(seen, e => e is AddressEvent { Removed: false, Address: { Family: InetFamily.IPv4, PrefixLength: 24 } a } && IPAddress.Parse("192.0.2.1").Equals(a.Local));
        Assert.Contains(seen, e => e is AddressEvent { Removed: false, Address: { Family: InetFamily.IPv6, Flags: var f } a } && f.HasFlag(AddressFlags.NoDad) && IPAddress.Parse("2001:db8::1").Equals(a.Address));
        Assert.Contains(seen, e => e is RouteEvent { Removed: false, Route: { Protocol: 157, DestinationLength: 24, Family: InetFamily.IPv4 } });
        Assert.Contains(seen, e => e is RouteEvent { Removed: false, Route: { Protocol: 157, DestinationLength: 48, Family: InetFamily.IPv6 } });
        Assert.Contains(seen, e => e is RouteEvent { Removed: true, Route: { Protocol: 157, DestinationLength: 24 } });
        Assert.Contains(seen, e => e is RuleEvent { Removed: false, Rule: { Family: InetFamily.IPv4, Priority: 1000, FirewallMark: 7 } });
        Assert.Contains(seen, e => e is RuleEvent { Removed: false, Rule: { Family: InetFamily.IPv6, Priority: 1001 } });
        Assert.Equal(0, events.DroppedMessages);
    }

    [KernelFact]
    public async Task FloodWithATinyBuffer_GivesAnOverrunEvent()
    {
        using var ns = new TestNamespace();
        ns.Ip("link set lo up");
        using var events = RtNetlinkEventSource.OpenIn(ns.Path, receiveBufferSize: 4096);
        var batch = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"route add unreachable 10.{i / 256}.{i % 256}.0/24 table 5"));
        var file = Path.Combine(Path.GetTempPath(), ns.Name + ".batch");
        File.WriteAllText(file, batch + "\n");
        try
        {
            ns.Ip($"-batch {file}"); // nobody reads meanwhile: the kernel drops and flags ENOBUFS
        }
        finally
        {
            File.Delete(file);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var e in events.ReadEventsAsync(timeout.Token))
        {
            if (e is OverrunEvent)
            {
                return;
            }
        }

        Assert.Fail("no OverrunEvent");
    }
}
