using System.Net;

namespace Gatewayd.Dhcp6.Client;

public sealed partial class Dhcp6Client
{
    /// <summary>RFC 8415 18.2.1: ClientID, IA_PD (with a ::/56 hint), ORO, Elapsed Time, Reconfigure Accept. No IA_NA: the NGN profile.</summary>
    private Dhcp6Message BuildSolicit(ushort elapsed)
    {
        IaPdOption ia = _options.PrefixLengthHint is { } hint
            ? new IaPdOption(_options.Iaid, 0, 0, new IaPrefixOption(0, 0, (byte)hint, IPAddress.IPv6Any))
            : new IaPdOption(_options.Iaid, 0, 0);
        return Message(Dhcp6MessageType.Solicit, elapsed, null, ia);
    }

    private Dhcp6Message BuildRequest(ushort elapsed, Duid server, IaPdOption? offered) =>
        Message(Dhcp6MessageType.Request, elapsed, server, offered is null ? new IaPdOption(_options.Iaid, 0, 0) : Echo(offered));

    private Dhcp6Message BuildRenewOrRebind(Dhcp6MessageType type, ushort elapsed, Dhcp6Lease lease) =>
        Message(type, elapsed, type == Dhcp6MessageType.Renew ? lease.ServerId : null, LeaseIaPd(lease));

    private Dhcp6Message BuildRelease(ushort elapsed, Dhcp6Lease lease) =>
        Message(Dhcp6MessageType.Release, elapsed, lease.ServerId, LeaseIaPd(lease));

    /// <summary>
    /// The IA_PD for the binding we hold. In the NGN profile it carries the T1/T2 and lifetimes last received, not
    /// zeros: NTT gear is reported to drop Renews whose IA_PD says 0.
    /// </summary>
    private IaPdOption LeaseIaPd(Dhcp6Lease lease)
    {
        var echo = _options.EchoLifetimes;
        return new IaPdOption(lease.Iaid, echo ? lease.T1 : 0, echo ? lease.T2 : 0,
            lease.Prefixes.Select(p => new IaPrefixOption(echo ? p.PreferredLifetime : 0, echo ? p.ValidLifetime : 0, p.Prefix)));
    }

    /// <summary>The Advertise's IA_PD as a Request carries it: its prefixes and, in the NGN profile, its times.</summary>
    private IaPdOption Echo(IaPdOption offered)
    {
        var echo = _options.EchoLifetimes;
        return new IaPdOption(offered.Iaid, echo ? offered.T1 : 0, echo ? offered.T2 : 0,
            offered.Prefixes.Select(p => new IaPrefixOption(echo ? p.PreferredLifetime : 0, echo ? p.ValidLifetime : 0, p.Prefix)));
    }

    private Dhcp6Message Message(Dhcp6MessageType type, ushort elapsed, Duid? server, IaPdOption ia)
    {
        var options = new List<Dhcp6Option> { new ClientIdOption(_options.ClientId) };
        if (server is not null)
            options.Add(new ServerIdOption(server));
        options.Add(ia);
        options.Add(new ElapsedTimeOption(elapsed));
        if (type != Dhcp6MessageType.Release)
        {
            options.Add(new OroOption(_options.RequestedOptions));
            // RFC 8415 21.20: we accept Reconfigure (authenticated with RKAP); say so in every message but Release.
            options.Add(new ReconfAcceptOption());
        }
        return new Dhcp6Message(type, _tx?.Id ?? 0, options);
    }
}
