using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SagaDsl.Generator.Emit;

/// <summary>Writes C# line by line with four-space indentation and <c>\n</c> line ends on every OS.</summary>
internal sealed class SourceWriter
{
    /// <summary>
    /// The buffer of the last finished writer on this thread. A saga's file is tens of kilobytes: a
    /// new buffer per file would be grown chunk by chunk and dropped, for every saga on every run.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? spare;

    private readonly StringBuilder text;
    private int depth;

    public SourceWriter()
    {
        text = spare ?? new StringBuilder();
        spare = null;
    }

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', depth * 4);
            text.Append(line);
        }

        text.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes an interpolated line piece by piece into the buffer: most generated lines have holes,
    /// and building each as a string first would copy every line of a saga's file once more.
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] LineHandler line)
    {
        text.Append('\n');
        return this;
    }

    /// <summary>Writes the optional header line, then an opening brace, and indents.</summary>
    public SourceWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        depth++;
        return this;
    }

    /// <summary>Writes an interpolated header line straight into the buffer, then an opening brace, and indents.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] LineHandler header)
    {
        text.Append('\n');
        return Open();
    }

    public SourceWriter Close(string line = "}")
    {
        depth--;
        return Line(line);
    }

    /// <summary>Writes the last arguments of a call, one per line, and closes the call: <c>a,</c> … <c>z);</c>.</summary>
    public SourceWriter Arguments(System.Collections.Generic.IReadOnlyList<string> arguments)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            Line(arguments[index] + (index == arguments.Count - 1 ? ");" : ","));
        }

        return this;
    }

    public SourceWriter Indent()
    {
        depth++;
        return this;
    }

    public SourceWriter Outdent()
    {
        depth--;
        return this;
    }

    /// <summary>
    /// Appends the parts of an interpolated line after the indentation: numbers in the invariant
    /// culture, <see cref="StringLiteral"/> holes quoted and escaped.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly struct LineHandler
    {
        private readonly StringBuilder text;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            text = writer.text;
            text.Append(' ', writer.depth * 4);
        }

        public void AppendLiteral(string value) => text.Append(value);

        public void AppendFormatted(string? value) => text.Append(value);

        public void AppendFormatted(int value) => text.Append(value.ToString(CultureInfo.InvariantCulture));

        public void AppendFormatted(Enum value) => text.Append(value.ToString());

        public void AppendFormatted(StringLiteral value) => Literals.AppendString(text, value.Value);
    }

    /// <summary>The text written; the writer must not be used afterwards, its buffer serves the next one.</summary>
    public string Finish()
    {
        var result = text.ToString();
        text.Clear();
        spare = text;
        return result;
    }
}
