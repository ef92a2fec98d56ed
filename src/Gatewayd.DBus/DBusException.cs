using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.DBus;

/// <summary>
/// A D-Bus error: either one a peer replied with, one a method handler throws to be replied with, or a failed sd-bus
/// call on this side (then <see cref="Operation"/> names the call and <see cref="Errno"/> the cause).
/// </summary>
public class DBusException : Exception
{
    /// <summary>Creates an error to reply with, or one that describes a peer's error reply.</summary>
    /// <param name="errorName">A D-Bus error name such as <c>io.gatewayd.Error.NotReady</c>.</param>
    /// <param name="errorMessage">The human-readable text.</param>
    public DBusException(string errorName, string errorMessage)
        : base($"{errorName}: {errorMessage}")
    {
        ErrorName = errorName;
        ErrorMessage = errorMessage;
    }

    private DBusException(string operation, int errno, string errorName, string errorMessage, string? detail)
        : base($"{operation} failed: {detail}{errorMessage} ({errorName})")
    {
        Operation = operation;
        Errno = errno;
        ErrorName = errorName;
        ErrorMessage = errorMessage;
    }

    /// <summary>Creates an exception without detail; prefer <see cref="DBusException(string, string)"/>.</summary>
    public DBusException() : this(DBusErrorNames.Failed, "D-Bus error") { }

    /// <summary>Creates an exception with a message and an inner cause, named <see cref="DBusErrorNames.Failed"/>.</summary>
    public DBusException(string message, Exception innerException) : base(message, innerException)
    {
        ErrorName = DBusErrorNames.Failed;
        ErrorMessage = message;
    }

    /// <summary>The D-Bus error name, e.g. <see cref="DBusErrorNames.ServiceUnknown"/>.</summary>
    public string ErrorName { get; }

    /// <summary>The D-Bus error message.</summary>
    public string ErrorMessage { get; }

    /// <summary>The sd-bus function that failed on this side, or null for an error that came from a peer.</summary>
    public string? Operation { get; }

    /// <summary>The positive errno of a local failure, or 0.</summary>
    public int Errno { get; }

    /// <summary>Throws for a negative sd-bus return, naming the call; returns <paramref name="result"/> otherwise.</summary>
    internal static int ThrowIfError(int result, string operation)
    {
        if (result < 0)
        {
            Throw(operation, -result);
        }

        return result;
    }

    [DoesNotReturn]
    internal static void Throw(string operation, int errno) => throw FromErrno(operation, errno);

    /// <summary>sd-bus maps errno to a D-Bus name (ENOENT to FileNotFound, unknown ones to System.Error.E...) and strerror text.</summary>
    internal static unsafe DBusException FromErrno(string operation, int errno, string? detail = null)
    {
        SdBus.Error e = default;
        _ = SdBus.sd_bus_error_set_errno(&e, errno);
        try
        {
            return new DBusException(
                operation,
                errno,
                System.Runtime.InteropServices.Marshal.PtrToStringUTF8(e.Name) ?? DBusErrorNames.Failed,
                System.Runtime.InteropServices.Marshal.PtrToStringUTF8(e.Message) ?? $"errno {errno}",
                detail is null ? null : detail + ": ");
        }
        finally
        {
            SdBus.sd_bus_error_free(&e);
        }
    }
}
