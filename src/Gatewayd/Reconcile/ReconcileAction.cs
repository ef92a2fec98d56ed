using Gatewayd.Netlink;
using Gatewayd.Nftables;
using Gatewayd.Planning;

namespace Gatewayd.Reconcile;

/// <summary>One change the diff asks for. Each names its kernel object the way failures and logs print it.</summary>
internal abstract record ReconcileAction
{
    /// <summary>The kernel object, e.g. <c>route 0.0.0.0/0 dev mape0 table main</c>.</summary>
    public abstract string Object { get; }

    /// <summary>What is done to it: add, delete, modify, ...</summary>
    public abstract string Verb { get; }

    public sealed override string ToString() => $"{Verb} {Object}";
}

/// <summary>Create the ip6tnl (with its MTU) and set it up.</summary>
internal sealed record CreateTunnel(TunnelSpec Spec) : ReconcileAction
{
    public override string Object => $"tunnel {Spec.Name}";
    public override string Verb => "create";
}

/// <summary>Change an existing ip6tnl's endpoints, underlay or mode in place (and its MTU with them).</summary>
internal sealed record ModifyTunnel(TunnelSpec Spec, int Index) : ReconcileAction
{
    public override string Object => $"tunnel {Spec.Name}";
    public override string Verb => "modify";
}

internal sealed record SetTunnelMtu(string Name, int Index, int Mtu) : ReconcileAction
{
    public override string Object => $"tunnel {Name}";
    public override string Verb => $"set mtu {Mtu} on";
}

internal sealed record SetTunnelUp(string Name, int Index) : ReconcileAction
{
    public override string Object => $"tunnel {Name}";
    public override string Verb => "set up";
}

/// <summary>
/// The tunnel's name is held by a link that is not an ip6tnl (a user's, or the lab's veth stand-in): gatewayd leaves it, and
/// this step fails so nothing is put on the wrong link.
/// </summary>
internal sealed record TunnelNameTaken(string Name, string? Kind) : ReconcileAction
{
    public override string Object => $"tunnel {Name}";
    public override string Verb => "cannot create";
}

internal sealed record DeleteTunnel(string Name, int Index) : ReconcileAction
{
    public override string Object => $"tunnel {Name}";
    public override string Verb => "delete";
}

/// <param name="Spec">The address.</param>
/// <param name="OnTunnel">On the tunnel link: not attempted when the tunnel step failed.</param>
internal sealed record AddAddress(AddressSpec Spec, bool OnTunnel) : ReconcileAction
{
    public override string Object => $"address {Spec.Address} dev {Spec.Interface}";
    public override string Verb => "add";
}

/// <param name="Current">The owned address as dumped.</param>
/// <param name="Interface">Its link's name, for messages.</param>
internal sealed record DeleteAddress(AddressInfo Current, string? Interface) : ReconcileAction
{
    public override string Object => $"address {Current.Describe(Interface)}";
    public override string Verb => "delete";
}

/// <summary>Make gatewayd's table hold the ruleset; a no-op (nothing written) when it already does.</summary>
internal sealed record EnsureRuleset(GatewaydRuleset Ruleset) : ReconcileAction
{
    public override string Object => $"nft table inet {Ruleset.TableName}";
    public override string Verb => "ensure";
}

internal sealed record DeleteRuleset(string TableName) : ReconcileAction
{
    public override string Object => $"nft table inet {TableName}";
    public override string Verb => "delete";
}

/// <param name="Spec">The route.</param>
/// <param name="IntoTunnel">Sends traffic into the tunnel: only added once the nft table is in place in the same run.</param>
internal sealed record AddRoute(RouteSpec Spec, bool IntoTunnel) : ReconcileAction
{
    public override string Object =>
        $"route {(Spec.Type == Planning.RouteType.Unreachable ? "unreachable " : string.Empty)}{Spec.Destination}"
        + (Spec.Device is { } dev ? $" dev {dev}" : string.Empty) + $" table {Spec.Table}" + (Spec.Metric != 0 ? $" metric {Spec.Metric}" : string.Empty);

    public override string Verb => "add";
}

/// <param name="Current">The owned route as dumped.</param>
/// <param name="Device">Its output link's name, for messages.</param>
internal sealed record DeleteRoute(RouteInfo Current, string? Device) : ReconcileAction
{
    public override string Object => $"route {Current.Describe(Device)}";
    public override string Verb => "delete";
}
