using System.Diagnostics;

namespace Gatewayd.Netlink.Tests.Kernel;

/// <summary>A network namespace of the test's own (<c>gwnl-RANDOM</c>) with an <see cref="RtNetlink"/> opened inside it; deleted on dispose.</summary>
internal sealed class TestNamespace : IDisposable
{
    public TestNamespace()
    {
        Name = $"gwnl-{Guid.NewGuid().ToString("N")[..10]}";
        Run("ip", $"netns add {Name}");
        Path = NetworkNamespace.PathOf(Name);
        Rtnl = new RtNetlink(NetlinkConnection.OpenIn(Path));
    }

    public string Name { get; }

    public string Path { get; }

    public RtNetlink Rtnl { get; }

    /// <summary>Runs <c>ip -n NAME ARGS</c> and returns its output; throws when it fails.</summary>
    public string Ip(string args) => Run("ip", $"-n {Name} {args}");

    /// <summary>Creates veth0/veth1, both up, and returns veth0's index.</summary>
    public async Task<int> AddVethPairAsync()
    {
        Ip("link add veth0 type veth peer name veth1");
        Ip("link set veth0 up");
        Ip("link set veth1 up");
        var veth0 = await Rtnl.GetLinkAsync("veth0");
        return veth0!.Index;
    }

    public void Dispose()
    {
        Rtnl.Dispose();
        Run("ip", $"netns del {Name}");
    }

    public static string Run(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {args}: exit {process.ExitCode}: {error}");
    }
}
