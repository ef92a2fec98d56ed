using System.Net;

namespace Gatewayd.Softwire;

/// <summary>The addresses of a fixed-IPv4 IPIP6 tunnel ("v6plus 固定IP"), computed by <see cref="FixedIpv4.Calculate"/>.</summary>
/// <param name="DelegatedPrefix">The end-user IPv6 prefix.</param>
/// <param name="CeAddress">The tunnel's local IPv6 address: subnet 0 of the prefix plus the contract's interface id.</param>
/// <param name="Ipv4Address">The contract's fixed IPv4 address (all ports, no port restriction).</param>
/// <param name="BrAddress">The tunnel's remote IPv6 address.</param>
public sealed record FixedIpv4Result(IPNetwork DelegatedPrefix, IPAddress CeAddress, IPAddress Ipv4Address, IPAddress BrAddress);
