namespace Gatewayd.Dhcp6.Client;

/// <summary>The DHCPv6 socket could not be opened or used; the message names the interface and the cause.</summary>
public sealed class Dhcp6TransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public Dhcp6TransportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Dhcp6TransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public Dhcp6TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
