using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

public sealed partial class RtNetlink
{
    /// <summary>Lists addresses.</summary>
    /// <param name="family">Only this family, or <see cref="InetFamily.Unspecified"/> for both.</param>
    /// <param name="index">Only this interface, or null for all.</param>
    /// <param name="cancellationToken">Cancels the dump.</param>
    /// <returns>The addresses.</returns>
    public async Task<IReadOnlyList<AddressInfo>> DumpAddressesAsync(InetFamily family = InetFamily.Unspecified, int? index = null, CancellationToken cancellationToken = default)
    {
        var writer = Writer(RtMessageType.GetAddress, DumpFlags);
        var ifa = writer.Reserve(AddressConstants.IfaddrmsgLength);
        ifa[0] = (byte)family;
        HostOrder.Write(ifa[4..], index ?? 0); // with NETLINK_GET_STRICT_CHK the kernel filters on ifa_index itself
        return await DumpAsync<AddressInfo>(
            writer.ToArray(),
            $"RTM_GETADDR dump {family}",
            AddressInfo.TryParse,
            a => (family == InetFamily.Unspecified || a.Family == family) && (index is null || a.Index == index),
            cancellationToken);
    }

    /// <summary>Adds an address (<c>NLM_F_CREATE | NLM_F_EXCL</c>: EEXIST if it is there).</summary>
    /// <param name="address">Family, prefix length, index, <see cref="AddressInfo.Address"/> (and for IPv4 <see cref="AddressInfo.Local"/>), flags such as NODAD, lifetimes, protocol.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task AddAddressAsync(AddressInfo address, CancellationToken cancellationToken = default) =>
        ChangeAddressAsync(RtMessageType.NewAddress, CreateFlags, address, cancellationToken);

    /// <summary>Adds or updates an address (<c>NLM_F_CREATE | NLM_F_REPLACE</c>), e.g. to refresh its lifetimes.</summary>
    /// <param name="address">The address.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task ReplaceAddressAsync(AddressInfo address, CancellationToken cancellationToken = default) =>
        ChangeAddressAsync(RtMessageType.NewAddress, ReplaceFlags, address, cancellationToken);

    /// <summary>Deletes an address.</summary>
    /// <param name="address">Family, prefix length, index and address.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task DeleteAddressAsync(AddressInfo address, CancellationToken cancellationToken = default) =>
        ChangeAddressAsync(RtMessageType.DeleteAddress, AckFlags, address, cancellationToken);

    private async Task ChangeAddressAsync(RtMessageType type, NetlinkMessageFlags flags, AddressInfo address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await ExecuteAsync(address.ToMessage(type, flags), Name(type, address.Describe()), address.Index, n => Name(type, address.Describe(n)), cancellationToken);
    }
}
