using System;
using System.Globalization;
using System.Text;

namespace SagaDsl.Generator.Emit;

/// <summary>C# literals and names, written the same way on every machine and culture.</summary>
internal static class Literals
{
    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;

    private static readonly char[] Markup = { '<', '>', '&' };

    /// <summary>The text as a C# string literal.</summary>
    public static string String(string value) =>
        // Almost every name and queue needs no escape; those are quoted without a builder.
        NeedsEscape(value) ? AppendEscaped(new StringBuilder(value.Length + 8), value).ToString() : "\"" + value + "\"";

    /// <summary>The text as a C# string literal, for a hole of <see cref="SourceWriter.Line(SourceWriter.LineHandler)"/>: written straight into the file.</summary>
    public static StringLiteral Quote(string value) => new(value);

    /// <summary>Appends the text as a C# string literal.</summary>
    public static StringBuilder AppendString(StringBuilder builder, string value) =>
        NeedsEscape(value) ? AppendEscaped(builder, value) : builder.Append('"').Append(value).Append('"');

    /// <summary>
    /// Text for a one-line XML doc comment: on one line (see <see cref="SingleLine"/>), markup
    /// characters escaped.
    /// </summary>
    public static string DocText(string value)
    {
        var line = SingleLine(value);
        if (line.IndexOfAny(Markup) < 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + 16);
        foreach (var character in line)
        {
            switch (character)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                default: builder.Append(character); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text with line breaks and other control characters turned into spaces, for places where
    /// one would end a line of generated text early: a comment, a diagram line.
    /// </summary>
    public static string SingleLine(string value)
    {
        foreach (var character in value)
        {
            if (char.IsControl(character))
            {
                var characters = value.ToCharArray();
                for (var i = 0; i < characters.Length; i++)
                {
                    if (char.IsControl(characters[i]))
                    {
                        characters[i] = ' ';
                    }
                }

                return new string(characters);
            }
        }

        return value;
    }

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "F";

    /// <summary>Writes a duration in the largest whole unit, so <c>"00:01:00"</c> reads as <c>FromMinutes(1)</c>.</summary>
    public static string Duration(long ticks)
    {
        if (ticks % TimeSpan.TicksPerHour == 0)
        {
            return "global::System.TimeSpan.FromHours(" + Int(ticks / TimeSpan.TicksPerHour) + ")";
        }

        if (ticks % TimeSpan.TicksPerMinute == 0)
        {
            return "global::System.TimeSpan.FromMinutes(" + Int(ticks / TimeSpan.TicksPerMinute) + ")";
        }

        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            return "global::System.TimeSpan.FromSeconds(" + Int(ticks / TimeSpan.TicksPerSecond) + ")";
        }

        return ticks % TicksPerMillisecond == 0
            ? "global::System.TimeSpan.FromMilliseconds(" + Int(ticks / TicksPerMillisecond) + ")"
            : "global::System.TimeSpan.FromTicks(" + Int(ticks) + ")";
    }

    /// <summary>Lower-cases the first letter: <c>ReserveInventory</c> becomes <c>reserveInventory</c>.</summary>
    public static string Camel(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static StringBuilder AppendEscaped(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(character))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }

    private static bool NeedsEscape(string value)
    {
        foreach (var character in value)
        {
            if (character is '"' or '\\' || char.IsControl(character))
            {
                return true;
            }
        }

        return false;
    }
}
