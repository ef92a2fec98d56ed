using System.Text.Json;

namespace Gatewayd.Config;

/// <summary>
/// Reads one JSON object field by field, recording every problem with its path instead of stopping at the first,
/// and reports keys nobody asked for: a typo in a router's config must not pass silently.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<ConfigProblem> _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<ConfigProblem> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    /// <summary>Starts reading <paramref name="element"/>; null (with a problem recorded) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<ConfigProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
            return new JsonObjectReader(element, path, problems);
        problems.Add(new ConfigProblem(path, $"must be an object, not {Describe(element)}"));
        return null;
    }

    public string PathOf(string key) => Path.Length == 0 ? key : key.Length == 0 ? Path : $"{Path}.{key}";

    public void Error(string key, string reason) => _problems.Add(new ConfigProblem(PathOf(key), reason));

    public void Warn(string key, string reason) => _problems.Add(new ConfigProblem(PathOf(key), reason, IsWarning: true));

    public bool Has(string key) => _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    public JsonElement? Raw(string key)
    {
        _known.Add(key);
        return _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
    }

    public JsonObjectReader? Object(string key)
    {
        var v = Raw(key);
        return v is null ? null : Open(v.Value, PathOf(key), _problems);
    }

    public string? String(string key, bool required = false)
    {
        var v = Raw(key);
        if (v is null)
        {
            if (required)
                Error(key, "is required");
            return null;
        }
        if (v.Value.ValueKind != JsonValueKind.String)
        {
            Error(key, $"must be a string, not {Describe(v.Value)}");
            return null;
        }
        var s = v.Value.GetString()!;
        if (s.Length == 0)
        {
            Error(key, "must not be empty");
            return null;
        }
        return s;
    }

    public int? Int(string key, int min, int max, bool required = false)
    {
        var v = Raw(key);
        if (v is null)
        {
            if (required)
                Error(key, "is required");
            return null;
        }
        if (v.Value.ValueKind != JsonValueKind.Number || !v.Value.TryGetInt64(out var n))
        {
            Error(key, $"must be a whole number, not {Describe(v.Value)}");
            return null;
        }
        if (n < min || n > max)
        {
            Error(key, $"must be {min}..{max}");
            return null;
        }
        return (int)n;
    }

    public bool? Bool(string key)
    {
        var v = Raw(key);
        if (v is null)
            return null;
        if (v.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return v.Value.GetBoolean();
        Error(key, $"must be true or false, not {Describe(v.Value)}");
        return null;
    }

    /// <summary>Reads a string that must be one of <paramref name="choices"/>; the error lists them.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var s = String(key);
        if (s is null)
            return null;
        if (choices.TryGetValue(s, out var value))
            return value;
        Error(key, $"must be one of {string.Join(", ", choices.Keys)}; got \"{s}\"");
        return null;
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(string key)
    {
        var v = Raw(key);
        if (v is null)
            yield break;
        if (v.Value.ValueKind != JsonValueKind.Array)
        {
            Error(key, $"must be an array, not {Describe(v.Value)}");
            yield break;
        }
        var i = 0;
        foreach (var item in v.Value.EnumerateArray())
            yield return (item, $"{PathOf(key)}[{i++}]");
    }

    /// <summary>Records every key present that no reader asked for. Call once all fields are read.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var p in _element.EnumerateObject())
        {
            if (!_known.Contains(p.Name) && !p.Name.StartsWith('$'))
                _problems.Add(new ConfigProblem(PathOf(p.Name), $"unknown key (known here: {string.Join(", ", _known)})"));
        }
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
