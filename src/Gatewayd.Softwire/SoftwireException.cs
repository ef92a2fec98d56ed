namespace Gatewayd.Softwire;

/// <summary>
/// A softwire input (rule, prefix, address or name) is unusable. The message says which input and why, in words a user
/// can act on.
/// </summary>
public class SoftwireException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SoftwireException()
        : base("invalid softwire parameters")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What is wrong and why.</param>
    public SoftwireException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What is wrong and why.</param>
    /// <param name="innerException">The underlying cause.</param>
    public SoftwireException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
