using System.Runtime.InteropServices;

namespace Gatewayd.Netlink;

/// <summary>The errno values rtnetlink answers with (asm-generic/errno-base.h, asm-generic/errno.h), and their names.</summary>
public static class Errno
{
    /// <summary>Operation not permitted (no CAP_NET_ADMIN).</summary>
    public const int EPERM = 1;

    /// <summary>No such file or directory (e.g. no such rule or address).</summary>
    public const int ENOENT = 2;

    /// <summary>No such process (rtnetlink: no such route).</summary>
    public const int ESRCH = 3;

    /// <summary>Interrupted (a dump stayed inconsistent).</summary>
    public const int EINTR = 4;

    /// <summary>Try again.</summary>
    public const int EAGAIN = 11;

    /// <summary>Out of memory.</summary>
    public const int ENOMEM = 12;

    /// <summary>Permission denied.</summary>
    public const int EACCES = 13;

    /// <summary>Device or resource busy.</summary>
    public const int EBUSY = 16;

    /// <summary>File exists (the object is already there).</summary>
    public const int EEXIST = 17;

    /// <summary>No such device (no such link).</summary>
    public const int ENODEV = 19;

    /// <summary>Invalid argument.</summary>
    public const int EINVAL = 22;

    /// <summary>Numerical result out of range.</summary>
    public const int ERANGE = 34;

    /// <summary>Message too long.</summary>
    public const int EMSGSIZE = 90;

    /// <summary>Protocol not supported.</summary>
    public const int EPROTONOSUPPORT = 93;

    /// <summary>Operation not supported (rtnetlink: unknown link kind).</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary>Address family not supported.</summary>
    public const int EAFNOSUPPORT = 97;

    /// <summary>Cannot assign requested address.</summary>
    public const int EADDRNOTAVAIL = 99;

    /// <summary>Network is down.</summary>
    public const int ENETDOWN = 100;

    /// <summary>Network is unreachable (e.g. a gateway not on any link).</summary>
    public const int ENETUNREACH = 101;

    /// <summary>No buffer space (multicast overrun).</summary>
    public const int ENOBUFS = 105;

    /// <summary>No route to host.</summary>
    public const int EHOSTUNREACH = 113;

    /// <summary>The symbolic name of an errno.</summary>
    /// <param name="errno">A positive errno.</param>
    /// <returns>E.g. <c>EEXIST</c>, or <c>errno N</c> when not in the table.</returns>
    public static string NameOf(int errno) => errno switch
    {
        EPERM => nameof(EPERM),
        ENOENT => nameof(ENOENT),
        ESRCH => nameof(ESRCH),
        EINTR => nameof(EINTR),
        EAGAIN => nameof(EAGAIN),
        ENOMEM => nameof(ENOMEM),
        EACCES => nameof(EACCES),
        EBUSY => nameof(EBUSY),
        EEXIST => nameof(EEXIST),
        ENODEV => nameof(ENODEV),
        EINVAL => nameof(EINVAL),
        ERANGE => nameof(ERANGE),
        EMSGSIZE => nameof(EMSGSIZE),
        EPROTONOSUPPORT => nameof(EPROTONOSUPPORT),
        EOPNOTSUPP => nameof(EOPNOTSUPP),
        EAFNOSUPPORT => nameof(EAFNOSUPPORT),
        EADDRNOTAVAIL => nameof(EADDRNOTAVAIL),
        ENETDOWN => nameof(ENETDOWN),
        ENETUNREACH => nameof(ENETUNREACH),
        ENOBUFS => nameof(ENOBUFS),
        EHOSTUNREACH => nameof(EHOSTUNREACH),
        _ => $"errno {errno}",
    };

    /// <summary>The C library's description (<c>strerror</c>).</summary>
    /// <param name="errno">A positive errno.</param>
    /// <returns>E.g. <c>File exists</c>.</returns>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
