using Microsoft.CodeAnalysis.CSharp;

namespace SagaDsl.Generator;

/// <summary>User-chosen names as generated code writes them.</summary>
internal static class Identifiers
{
    /// <summary>The name as C# source writes it: a keyword or contextual keyword with <c>@</c>.</summary>
    /// <param name="name">A symbol's name, as Roslyn reports it (without <c>@</c>).</param>
    /// <returns>The identifier to write.</returns>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
