namespace Gatewayd.Netlink;

/// <summary>
/// A netlink request failed: the operation (message type and the kernel object, e.g. <c>RTM_NEWROUTE 0.0.0.0/0 dev mape0 table 254 proto 157</c>),
/// the errno, and the kernel's extended-ACK text when it gave one.
/// </summary>
public sealed class NetlinkException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public NetlinkException()
        : this("netlink request failed")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NetlinkException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NetlinkException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = "netlink";
    }

    /// <summary>Creates an exception for a failed operation.</summary>
    /// <param name="operation">What was attempted, naming the kernel object.</param>
    /// <param name="errno">The positive errno, or 0 when the failure is not the kernel's answer.</param>
    /// <param name="detail">The kernel's extended-ACK text, or our own explanation.</param>
    /// <param name="extendedAckOffset">Byte offset in the request of the attribute the kernel rejected.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NetlinkException(string operation, int errno, string? detail, uint? extendedAckOffset = null, Exception? innerException = null)
        : base(Format(operation, errno, detail), innerException)
    {
        Operation = operation;
        Errno = errno;
        ExtendedAckMessage = detail;
        ExtendedAckOffset = extendedAckOffset;
    }

    /// <summary>What was attempted, e.g. <c>RTM_DELROUTE 192.0.2.0/24 table 254 proto 157</c>.</summary>
    public string Operation { get; }

    /// <summary>The positive errno (<see cref="Netlink.Errno"/>), or 0.</summary>
    public int Errno { get; }

    /// <summary>The errno's symbolic name, e.g. <c>EEXIST</c>.</summary>
    public string ErrorName => Netlink.Errno.NameOf(Errno);

    /// <summary>The kernel's explanation (<c>NLMSGERR_ATTR_MSG</c>), e.g. <c>Unknown device type</c>.</summary>
    public string? ExtendedAckMessage { get; }

    /// <summary>Byte offset in the request of the attribute the kernel rejected (<c>NLMSGERR_ATTR_OFFS</c>).</summary>
    public uint? ExtendedAckOffset { get; }

    internal NetlinkException WithOperation(string operation) =>
        new(operation, Errno, ExtendedAckMessage, ExtendedAckOffset, InnerException);

    private static string Format(string operation, int errno, string? detail)
    {
        var text = errno == 0 ? operation : $"{operation}: {Netlink.Errno.Describe(errno)} ({Netlink.Errno.NameOf(errno)})";
        return string.IsNullOrEmpty(detail) ? text : $"{text}: {detail}";
    }
}
