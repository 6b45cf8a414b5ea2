using System.Text;

namespace SagaDsl.Generator.Emit;

/// <summary>Writes C# line by line with four-space indentation and <c>\n</c> line ends on every OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int depth;

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

    public SourceWriter Close(string line = "}")
    {
        depth--;
        return Line(line);
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

    public override string ToString() => text.ToString();
}
