namespace Gatewayd.Softwire;

/// <summary>An inclusive range of transport ports.</summary>
/// <param name="Start">First port of the range.</param>
/// <param name="End">Last port of the range (inclusive).</param>
public readonly record struct PortRange(int Start, int End)
{
    /// <summary>Number of ports in the range.</summary>
    public int Count => End - Start + 1;

    /// <summary>Whether <paramref name="port"/> lies in the range.</summary>
    /// <param name="port">A port number.</param>
    public bool Contains(int port) => port >= Start && port <= End;

    /// <summary>The range as "start-end", the form nftables and the reference vectors use.</summary>
    public override string ToString() => $"{Start}-{End}";
}
