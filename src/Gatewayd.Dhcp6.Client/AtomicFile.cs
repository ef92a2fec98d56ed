namespace Gatewayd.Dhcp6.Client;

/// <summary>Replaces a file so that a crash leaves either the old or the new content, never a mix.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/>, fsyncs it, and renames it over.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
