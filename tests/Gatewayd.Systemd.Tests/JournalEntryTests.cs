using System.Text;
using Xunit;

namespace Gatewayd.Systemd.Tests;

public sealed class JournalEntryTests
{
    [Fact]
    public void Single_line_values_are_name_equals_value_newline()
    {
        byte[] bytes = new JournalEntry().Add("MESSAGE", "hello").Add("PRIORITY", "6").Encode();

        Assert.Equal("MESSAGE=hello\nPRIORITY=6\n"u8.ToArray(), bytes);
    }

    [Fact]
    public void Multi_line_values_use_the_length_prefixed_form()
    {
        byte[] bytes = new JournalEntry().Add("EXCEPTION", "a\nbc").Add("PRIORITY", "3").Encode();

        byte[] expected =
        [
            .. "EXCEPTION\n"u8,
            0x04, 0, 0, 0, 0, 0, 0, 0,   // 64-bit little-endian length of "a\nbc"
            .. "a\nbc\n"u8,              // value, then the field's terminating newline
            .. "PRIORITY=3\n"u8,
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Values_are_utf8()
    {
        byte[] bytes = new JournalEntry().Add("MESSAGE", "µ").Encode();

        Assert.Equal("MESSAGE=\u00b5\n"u8.ToArray(), bytes);
        Assert.Equal(11, bytes.Length); // µ is two bytes
    }

    [Theory]
    [InlineData("MESSAGE", true)]
    [InlineData("GATEWAYD_EVENT", true)]
    [InlineData("IPV6", true)]
    [InlineData("A", true)]
    [InlineData("", false)]
    [InlineData("_PID", false)]        // trusted fields are journald's own
    [InlineData("1ABC", false)]
    [InlineData("message", false)]
    [InlineData("GATEWAYD-EVENT", false)]
    [InlineData("ÄRGER", false)]
    public void Field_names_follow_journald_rules(string name, bool valid) =>
        Assert.Equal(valid, JournalFieldName.IsValid(name));

    [Fact]
    public void Name_length_limit_is_64()
    {
        Assert.True(JournalFieldName.IsValid(new string('A', 64)));
        Assert.False(JournalFieldName.IsValid(new string('A', 65)));
    }

    [Fact]
    public void Adding_an_invalid_name_throws() =>
        Assert.Throws<ArgumentException>(() => new JournalEntry().Add("_PID", "1"));

    [Theory]
    [InlineData("GatewaydEvent", "GATEWAYD_EVENT")]
    [InlineData("gatewaydEvent", "GATEWAYD_EVENT")]
    [InlineData("Prefix", "PREFIX")]
    [InlineData("SourceContext", "SOURCE_CONTEXT")]
    [InlineData("IPAddress", "IP_ADDRESS")]
    [InlineData("Ipv6Prefix", "IPV6_PREFIX")]
    [InlineData("Dhcp6State", "DHCP6_STATE")]
    [InlineData("IAID", "IAID")]
    [InlineData("T1", "T1")]
    [InlineData("already_snake", "ALREADY_SNAKE")]
    [InlineData("GATEWAYD_EVENT", "GATEWAYD_EVENT")]
    [InlineData("_leading", "LEADING")]
    [InlineData("a.b-c", "A_B_C")]
    [InlineData("1st", "PROPERTY_1ST")]
    [InlineData("Message", "PROPERTY_MESSAGE")]
    [InlineData("Priority", "PROPERTY_PRIORITY")]
    [InlineData("SyslogIdentifier", "PROPERTY_SYSLOG_IDENTIFIER")]
    [InlineData("Exception", "PROPERTY_EXCEPTION")]
    [InlineData("MessageId", "MESSAGE_ID")]   // journald's well-known fields stay usable
    [InlineData("__", "PROPERTY_")]
    public void Property_names_map_to_upper_snake_case(string property, string field)
    {
        Assert.Equal(field, JournalFieldName.FromPropertyName(property));
        Assert.True(JournalFieldName.IsValid(field));
    }

    [Fact]
    public void Long_property_names_are_cut_to_64() =>
        Assert.Equal(64, JournalFieldName.FromPropertyName(new string('a', 100)).Length);

    [Fact]
    public void Oversized_entry_has_its_longest_value_truncated_with_a_marker()
    {
        var entry = new JournalEntry().Add("MESSAGE", new string('x', 1000)).Add("PRIORITY", "6");

        byte[] bytes = entry.Encode(200);

        Assert.Equal(200, bytes.Length);
        string text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("MESSAGE=xxx", text, StringComparison.Ordinal);
        Assert.EndsWith("x" + JournalEntry.TruncationMarker + "\nPRIORITY=6\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_keeps_the_binary_form_byte_exact()
    {
        var entry = new JournalEntry().Add("EXCEPTION", "line1\n" + new string('y', 500));

        byte[] bytes = entry.Encode(100);

        Assert.Equal(100, bytes.Length);
        ulong length = BitConverter.ToUInt64(bytes, "EXCEPTION\n".Length);
        Assert.Equal((ulong)(100 - "EXCEPTION\n".Length - 8 - 1), length);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.EndsWith(JournalEntry.TruncationMarker, Encoding.UTF8.GetString(bytes, 18, (int)length), StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_does_not_split_a_utf8_character()
    {
        var entry = new JournalEntry().Add("MESSAGE", new string('µ', 500));

        byte[] bytes = entry.Encode(101);

        string text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain('\uFFFD', text);
        Assert.True(bytes.Length <= 101);
        Assert.EndsWith("µ" + JournalEntry.TruncationMarker + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_under_the_cap_is_untouched()
    {
        var entry = new JournalEntry().Add("MESSAGE", "short");

        Assert.Equal(entry.Encode(), entry.Encode(JournalEntry.DefaultMaxBytes));
    }
}
