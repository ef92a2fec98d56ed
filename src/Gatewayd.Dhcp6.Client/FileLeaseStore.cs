using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Dhcp6.Client;

/// <summary>
/// The lease as JSON in the state directory (/var/lib/gatewayd/lease.json), written atomically: temp file, fsync,
/// rename. The time it was obtained is stored three ways (wall clock, boot id, monotonic clock) so that a router
/// that boots without a battery-backed clock is not fooled into thinking its lease expired, or still fresh.
/// </summary>
public sealed partial class FileLeaseStore : ILeaseStore
{
    private const int FormatVersion = 1;
    private readonly string _path;
    private readonly ILogger _log;
    private readonly Func<string?> _bootId;
    private readonly Func<bool> _wallClockSynchronized;

    /// <summary>Creates a store at <paramref name="path"/>; the boot id and clock-sync probes are injectable for tests.</summary>
    public FileLeaseStore(string path, ILogger log, Func<string?>? bootId = null, Func<bool>? wallClockSynchronized = null)
    {
        _path = path;
        _log = log;
        _bootId = bootId ?? SystemClockFacts.BootId;
        _wallClockSynchronized = wallClockSynchronized ?? SystemClockFacts.WallClockSynchronized;
    }

    /// <inheritdoc/>
    public Dhcp6Lease? Load(TimeProvider time, out bool clockTrusted)
    {
        clockTrusted = false;
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(_path))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(_path));
            var (lease, age, trusted) = Read(doc.RootElement, time);
            clockTrusted = trusted;
            var obtainedAt = time.GetTimestamp() - (long)(age.TotalSeconds * time.TimestampFrequency);
            return lease with { ObtainedAt = obtainedAt };
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException or IOException)
        {
            var aside = $"{_path}.corrupt-{time.GetUtcNow():yyyyMMddTHHmmss}";
            _log.LogWarning("lease file {Path} is unreadable ({Error}); moved to {Aside}, starting without a lease", _path, e.Message, aside);
            File.Move(_path, aside, overwrite: true);
            return null;
        }
    }

    /// <inheritdoc/>
    public void Save(Dhcp6Lease lease, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(time);
        var age = time.GetElapsedTime(lease.ObtainedAt);
        var bytes = Write(lease, _bootId(), time.GetUtcNow() - age, (time.GetTimestamp() / (double)time.TimestampFrequency) - age.TotalSeconds);
        AtomicFile.Write(_path, bytes);
    }

    /// <inheritdoc/>
    public void Delete()
    {
        File.Delete(_path);
    }

    /// <summary>How old the stored lease is, and whether that can be believed.</summary>
    private (TimeSpan Age, bool Trusted) AgeOf(JsonElement obtained, TimeProvider time)
    {
        var bootId = obtained.GetProperty("bootId").GetString();
        if (bootId is not null && bootId == _bootId())
        {
            // Same boot: the monotonic clock is the same clock and never jumps.
            var seconds = (time.GetTimestamp() / (double)time.TimestampFrequency) - obtained.GetProperty("monotonicSeconds").GetDouble();
            return (TimeSpan.FromSeconds(Math.Max(0, seconds)), true);
        }
        var wall = DateTimeOffset.Parse(obtained.GetProperty("wallUtc").GetString()!, CultureInfo.InvariantCulture);
        var byWall = time.GetUtcNow() - wall;
        // Another boot: the wall clock is all we have, and without a battery clock it may be far in the past until NTP syncs.
        return byWall >= TimeSpan.Zero && _wallClockSynchronized() ? (byWall, true) : (TimeSpan.Zero, false);
    }

    private (Dhcp6Lease Lease, TimeSpan Age, bool Trusted) Read(JsonElement root, TimeProvider time)
    {
        if (root.GetProperty("version").GetInt32() != FormatVersion)
            throw new FormatException($"unknown lease format version {root.GetProperty("version")}");
        var prefixes = root.GetProperty("prefixes").EnumerateArray().Select(p => new LeasedPrefix(
            IPNetwork.Parse(p.GetProperty("prefix").GetString()!),
            p.GetProperty("preferredLifetime").GetUInt32(),
            p.GetProperty("validLifetime").GetUInt32())).ToList();
        var t1 = root.GetProperty("t1").GetUInt32();
        var t2 = root.GetProperty("t2").GetUInt32();
        var (renew, rebind) = LeaseFactory.Timers(t1, t2, prefixes);
        var (age, trusted) = AgeOf(root.GetProperty("obtained"), time);
        var lease = new Dhcp6Lease
        {
            ServerId = new Duid(Convert.FromHexString(root.GetProperty("serverId").GetString()!)),
            ServerAddress = root.TryGetProperty("serverAddress", out var sa) && sa.ValueKind == JsonValueKind.String ? IPAddress.Parse(sa.GetString()!) : null,
            Iaid = root.GetProperty("iaid").GetUInt32(),
            T1 = t1,
            T2 = t2,
            RenewAfter = renew,
            RebindAfter = rebind,
            Prefixes = prefixes,
            ObtainedAt = 0,
            DnsServers = [.. root.GetProperty("dnsServers").EnumerateArray().Select(a => IPAddress.Parse(a.GetString()!))],
            Domains = [.. root.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!)],
            AftrName = root.TryGetProperty("aftrName", out var an) ? an.GetString() : null,
            MapE = root.TryGetProperty("mapE", out var m) && m.GetString() is { } hex ? S46FromHex(hex) : null,
            ReconfigureKey = root.TryGetProperty("reconfigureKey", out var k) && k.GetString() is { } key ? Convert.FromHexString(key) : null,
        };
        return (lease, age, trusted);
    }

    /// <summary>The MAP-E container is kept as its wire bytes and read back through the codec, inside a minimal message.</summary>
    private static S46ContainerOption S46FromHex(string hex)
    {
        var option = Convert.FromHexString(hex);
        var message = new byte[Dhcp6Constants.HeaderLength + option.Length];
        message[0] = (byte)Dhcp6MessageType.Reply;
        option.CopyTo(message, Dhcp6Constants.HeaderLength);
        return Dhcp6Message.TryParse(message, out var parsed, out var error)
            ? parsed.MapE ?? throw new FormatException("mapE is not an S46_CONT_MAPE option")
            : throw new FormatException($"mapE: {error}");
    }

    private static byte[] Write(Dhcp6Lease lease, string? bootId, DateTimeOffset obtainedWall, double obtainedMonotonic)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteString("serverId", Convert.ToHexString(lease.ServerId.Bytes.Span));
            w.WriteString("serverAddress", lease.ServerAddress?.ToString());
            w.WriteNumber("iaid", lease.Iaid);
            w.WriteNumber("t1", lease.T1);
            w.WriteNumber("t2", lease.T2);
            w.WriteStartArray("prefixes");
            foreach (var p in lease.Prefixes)
            {
                w.WriteStartObject();
                w.WriteString("prefix", p.Prefix.ToString());
                w.WriteNumber("preferredLifetime", p.PreferredLifetime);
                w.WriteNumber("validLifetime", p.ValidLifetime);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("dnsServers");
            foreach (var a in lease.DnsServers)
                w.WriteStringValue(a.ToString());
            w.WriteEndArray();
            w.WriteStartArray("domains");
            foreach (var d in lease.Domains)
                w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteString("aftrName", lease.AftrName);
            w.WriteString("mapE", lease.MapE is null ? null : Convert.ToHexString(lease.MapE.ToArray()));
            w.WriteString("reconfigureKey", lease.ReconfigureKey is { } key ? Convert.ToHexString(key.Span) : null);
            w.WritePropertyName("obtained");
            w.WriteStartObject();
            w.WriteString("wallUtc", obtainedWall.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("bootId", bootId);
            w.WriteNumber("monotonicSeconds", obtainedMonotonic);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
