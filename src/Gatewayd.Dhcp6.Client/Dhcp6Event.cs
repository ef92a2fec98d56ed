using System.Net;

namespace Gatewayd.Dhcp6.Client;

/// <summary>What the client tells the rest of gatewayd. Each carries the lease it is about, with its DNS, AFTR and MAP-E data.</summary>
public abstract record Dhcp6Event;

/// <summary>A prefix was delegated where there was none.</summary>
public sealed record PrefixAcquired(Dhcp6Lease Lease) : Dhcp6Event;

/// <summary>The same prefixes, with new lifetimes (a Renew or Rebind went through).</summary>
public sealed record PrefixRenewed(Dhcp6Lease Lease) : Dhcp6Event;

/// <summary>The delegated prefixes changed: everything planned from the old ones must move.</summary>
public sealed record PrefixChanged(Dhcp6Lease Lease, IReadOnlyList<IPNetwork> OldPrefixes) : Dhcp6Event;

/// <summary>No prefix is delegated any more (expired, withdrawn, or released).</summary>
public sealed record PrefixLost(IReadOnlyList<IPNetwork> OldPrefixes, string Reason) : Dhcp6Event;

/// <summary>In probe mode: what the chosen server offered, as its Advertise said it.</summary>
public sealed record PrefixOffered(Dhcp6Message Advertise, IPAddress From) : Dhcp6Event;
