namespace SagaDsl.Generator.Emit;

/// <summary>
/// Text to write as a C# string literal. In a hole of a writer's line it is escaped straight into the
/// file; anywhere else it reads as the literal, so a line built as a string still comes out right.
/// </summary>
internal readonly struct StringLiteral
{
    public StringLiteral(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Literals.String(Value);
}
