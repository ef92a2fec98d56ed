using Gatewayd.Config;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Daemon;

/// <summary>Re-reading config.json on SIGHUP: a config with errors is refused whole, every problem logged, the running one kept.</summary>
internal static class ConfigReload
{
    public static GatewaydConfig? TryRead(string path, ILogger log)
    {
        var read = ConfigReader.ReadFile(path);
        foreach (var w in read.Warnings)
            log.LogWarning("reload: {Problem}", w.ToString());
        if (read.Config is { } config)
            return config;
        foreach (var e in read.Errors)
            log.LogError("reload: {Problem}", e.ToString());
        log.LogError("reload: {Path} has {Count} problem(s); keeping the running config", path, read.Errors.Count());
        return null;
    }
}
