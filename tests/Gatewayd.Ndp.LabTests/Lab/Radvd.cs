using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>
/// radvd in the NGN namespace, in the foreground (<c>-n</c>), logging to stderr at debug level so tests can see when it sends.
/// The config mimics the NGN RA (ngn-dhcpv6.md) with short intervals. Stopped by pid: SIGTERM (radvd then sends a final RA
/// with router lifetime 0), SIGKILL if it lingers.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class Radvd : IDisposable
{
    public const string Path = "/usr/sbin/radvd";
    public const string Prefix = "2400:4050:5c71:af00::/64";
    public const string DnsServer = "2400:4050:5c71:af00::53";
    public const string SearchDomain = "flets-east.jp";

    private readonly string _directory;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    public Radvd(NgnLink link)
    {
        _directory = Directory.CreateTempSubdirectory("ndp-lab-radvd-").FullName;
        string config = System.IO.Path.Combine(_directory, "radvd.conf");
        File.WriteAllText(config, $$"""
            interface {{NgnLink.NgnInterface}} {
                AdvSendAdvert on;
                MinRtrAdvInterval 3;
                MaxRtrAdvInterval 4;
                AdvManagedFlag on;
                AdvOtherConfigFlag on;
                AdvDefaultLifetime 1800;
                AdvReachableTime 300000;
                AdvRetransTimer 10000;
                AdvLinkMTU 1500;
                AdvSourceLLAddress on;
                prefix {{Prefix}} {
                    AdvOnLink on;
                    AdvAutonomous on;
                };
                RDNSS {{DnsServer}} {
                };
                DNSSL {{SearchDomain}} {
                };
            };
            """);
        var psi = new ProcessStartInfo(Sh.Ip)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // ip netns exec execs radvd, so the pid we get is radvd's.
        foreach (string arg in new[] { "netns", "exec", link.Ngn, Path, "-C", config, "-p", System.IO.Path.Combine(_directory, "radvd.pid"), "-n", "-m", "stderr", "-d", "5" })
            psi.ArgumentList.Add(arg);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start radvd");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _log.Enqueue(e.Data);
        };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _log.Enqueue(e.Data);
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Log => string.Join('\n', _log);

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until radvd logged a line containing <paramref name="text"/> (e.g. its first "sending RA").</summary>
    public void WaitForLog(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!_log.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
                throw new TimeoutException($"radvd did not log \"{text}\" within {timeout.TotalSeconds} s (exited: {_process.HasExited}):\n{Log}");
            Thread.Sleep(10);
        }
    }

    /// <summary>SIGTERM: radvd announces router lifetime 0 (and RDNSS/DNSSL lifetime 0) and exits.</summary>
    public void Terminate() => Netns.Signal(_process.Id, 15);

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Netns.Signal(_process.Id, 9);
            _process.WaitForExit(2000);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
