using System.Net.Sockets;

namespace Gatewayd.Systemd.Tests;

/// <summary>A real Unix datagram socket standing in for journald or systemd's notify socket.</summary>
internal sealed class DatagramListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _directory;

    private DatagramListener(string address, string? directory)
    {
        Address = address;
        _directory = directory;
        _socket.ReceiveTimeout = 2000;
    }

    /// <summary>The address as a client names it: a path, or '@name' for the abstract namespace.</summary>
    public string Address { get; }

    /// <summary>Binds a socket file in a fresh temporary directory (short, so it fits sockaddr_un's 108 bytes).</summary>
    public static DatagramListener AtPath()
    {
        string directory = Directory.CreateTempSubdirectory("gwsd").FullName;
        string path = Path.Combine(directory, "s");
        var listener = new DatagramListener(path, directory);
        listener._socket.Bind(new UnixDomainSocketEndPoint(path));
        return listener;
    }

    /// <summary>Binds a unique name in the abstract namespace.</summary>
    public static DatagramListener Abstract()
    {
        string name = "gatewayd-test-" + Guid.NewGuid().ToString("N");
        var listener = new DatagramListener("@" + name, null);
        listener._socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
        return listener;
    }

    public byte[] Receive()
    {
        var buffer = new byte[256 * 1024];
        int n = _socket.Receive(buffer);
        return buffer[..n];
    }

    /// <summary>True when nothing arrives within a short wait.</summary>
    public bool IsQuiet()
    {
        return !_socket.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead);
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
