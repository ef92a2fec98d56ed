namespace Gatewayd.Dhcp6.Client;

/// <summary>Where the binding survives restarts. Writes must be atomic: a crash mid-write leaves the old lease.</summary>
public interface ILeaseStore
{
    /// <summary>
    /// The stored lease, its <see cref="Dhcp6Lease.ObtainedAt"/> mapped onto <paramref name="time"/>'s clock; null when
    /// there is none (or it was unreadable, and has been moved aside). <paramref name="clockTrusted"/> is false when the
    /// lease's age could not be known (another boot, and a wall clock not yet synchronised): renew at once then.
    /// </summary>
    Dhcp6Lease? Load(TimeProvider time, out bool clockTrusted);

    /// <summary>Stores <paramref name="lease"/> in place of any earlier one.</summary>
    void Save(Dhcp6Lease lease, TimeProvider time);

    /// <summary>Forgets the stored lease.</summary>
    void Delete();
}
