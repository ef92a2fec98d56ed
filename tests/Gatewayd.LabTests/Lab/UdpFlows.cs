using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.LabTests.Lab;

/// <summary>What the server saw of a batch of UDP flows: the translated source of each flow that arrived, keyed by flow index.</summary>
internal sealed record UdpFlowResult(int Sent, IReadOnlyDictionary<int, IPEndPoint> Arrived, int Duplicates);

/// <summary>
/// Sends one datagram per flow from distinct LAN sockets to one server address and port, and records each datagram's source as the
/// server's recvfrom sees it.
/// </summary>
internal static class UdpFlows
{
    private const int SoRcvbufForce = 33;

    public static async Task<UdpFlowResult> RunAsync(MapeTopology lab, int flows, int serverPort = 9000, TimeSpan? settle = null)
    {
        using var server = Netns.Run(lab.ServerNs, () =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.SetRawSocketOption(1, SoRcvbufForce, BitConverter.GetBytes(8 << 20));
            s.Bind(new IPEndPoint(MapeTopology.Server, serverPort));
            return s;
        });
        var clients = Netns.Run(lab.Lan, () =>
        {
            var list = new Socket[flows];
            for (var i = 0; i < flows; i++)
            {
                list[i] = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                list[i].Bind(new IPEndPoint(MapeTopology.LanHost, 0));
            }

            return list;
        });
        try
        {
            var arrived = new ConcurrentDictionary<int, IPEndPoint>();
            var duplicates = 0;
            using var stop = new CancellationTokenSource();
            var receiver = Task.Run(async () =>
            {
                var buffer = new byte[64];
                EndPoint any = new IPEndPoint(IPAddress.Any, 0);
                while (!stop.IsCancellationRequested)
                {
                    SocketReceiveFromResult r;
                    try
                    {
                        r = await server.ReceiveFromAsync(buffer, SocketFlags.None, any, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    if (r.ReceivedBytes == 4 && !arrived.TryAdd(BinaryPrimitives.ReadInt32BigEndian(buffer), (IPEndPoint)r.RemoteEndPoint))
                    {
                        Interlocked.Increment(ref duplicates);
                    }
                }
            });

            var destination = new IPEndPoint(MapeTopology.Server, serverPort);
            var payload = new byte[4];
            for (var i = 0; i < flows; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(payload, i);
                clients[i].SendTo(payload, destination);

                // Pace bursts so veth backlogs and the receive buffer never drop what NAT let through.
                if (i % 64 == 63)
                {
                    await WaitAsync(() => arrived.Count >= i + 1 - 64, TimeSpan.FromMilliseconds(100), () => arrived.Count);
                }
            }

            await WaitAsync(() => arrived.Count >= flows, TimeSpan.FromSeconds(3), () => arrived.Count);

            // Anything still in flight (a flow that should have been dropped) gets time to show up.
            await Task.Delay(settle ?? TimeSpan.FromMilliseconds(200));
            await stop.CancelAsync();
            await receiver;
            return new UdpFlowResult(flows, new Dictionary<int, IPEndPoint>(arrived), duplicates);
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>Waits until done, the limit, or 150 ms without progress (NAT dropped the rest).</summary>
    private static async Task WaitAsync(Func<bool> done, TimeSpan limit, Func<int> progress)
    {
        var sw = Stopwatch.StartNew();
        var last = progress();
        var lastChange = sw.Elapsed;
        while (!done() && sw.Elapsed < limit && sw.Elapsed - lastChange < TimeSpan.FromMilliseconds(150))
        {
            await Task.Delay(2);
            if (progress() != last)
            {
                last = progress();
                lastChange = sw.Elapsed;
            }
        }
    }
}
