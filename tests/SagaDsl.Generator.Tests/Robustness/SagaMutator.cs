using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SagaDsl.Generator.Tests.Robustness;

/// <summary>
/// Breaks saga source the ways people break it while typing, from a seed: deleted, duplicated and
/// swapped tokens, attribute arguments of the wrong type, missing members, half-typed files,
/// unicode identifiers, stray modifiers and sagas with hundreds of steps.
/// </summary>
internal sealed class SagaMutator
{
    private static readonly string[] StrayTokens = { "ref", "out", "static", "async", "partial", "void", "[SagaStep(1)]", "[CompensatedBy(\"Nope\")]", "[SagaStep(0, Pivot = true)]", "null", "{", "}", "(", ")", ",", ";", "<T>", "[FromStep(\"X\")]", "[SagaInput]", "Critical = false", "\"\"" };
    private static readonly string[] WrongArguments = { "\"x\"", "42", "-1", "0", "1.5", "true", "null", "\"00:00:00\"", "\"-00:01:00\"", "\"soon\"", "nameof(Missing)", "typeof(int)", "new[] { \"\" }", "new[] { \"a b\" }" };
    private static readonly string[] UnicodeNames = { "Résérvé", "Παραγγελία", "注文処理", "Zaměstnanec", "Ünïcødé_名前" };

    private readonly Random random;

    public SagaMutator(int seed) => random = new Random(seed);

    public string Mutate(string source)
    {
        var tokens = SyntaxFactory.ParseTokens(source).Where(token => !token.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        if (tokens.Count == 0)
        {
            return source;
        }

        return random.Next(9) switch
        {
            0 => Splice(source, Pick(tokens).Span.Start, Pick(tokens).Span.Length, string.Empty),
            1 => DuplicateToken(source, Pick(tokens)),
            2 => SwapAdjacent(source, tokens),
            3 => WrongArgument(source, tokens),
            4 => DeleteMember(source),
            5 => source.Substring(0, random.Next(source.Length)),
            6 => RenameToUnicode(source, tokens),
            7 => InsertStray(source, Pick(tokens)),
            _ => ManySteps(source),
        };
    }

    private SyntaxToken Pick(List<SyntaxToken> tokens) => tokens[random.Next(tokens.Count)];

    private static string Splice(string source, int start, int length, string text) =>
        string.Concat(source.AsSpan(0, start), text, source.AsSpan(Math.Min(source.Length, start + length)));

    private static string DuplicateToken(string source, SyntaxToken token) => Splice(source, token.Span.End, 0, " " + token.Text);

    private string SwapAdjacent(string source, List<SyntaxToken> tokens)
    {
        var index = random.Next(tokens.Count - 1 < 1 ? 1 : tokens.Count - 1);
        if (index + 1 >= tokens.Count)
        {
            return source;
        }

        var (first, second) = (tokens[index], tokens[index + 1]);
        var between = source.Substring(first.Span.End, second.Span.Start - first.Span.End);
        return Splice(source, first.Span.Start, second.Span.End - first.Span.Start, second.Text + between + first.Text);
    }

    private string WrongArgument(string source, List<SyntaxToken> tokens)
    {
        var literals = tokens.Where(token => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.NumericLiteralToken) || token.IsKind(SyntaxKind.TrueKeyword) || token.IsKind(SyntaxKind.FalseKeyword)).ToList();
        if (literals.Count == 0)
        {
            return source;
        }

        var literal = Pick(literals);
        return Splice(source, literal.Span.Start, literal.Span.Length, WrongArguments[random.Next(WrongArguments.Length)]);
    }

    private string DeleteMember(string source)
    {
        var members = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>()
            .Where(member => member is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax)
            .ToList();
        if (members.Count == 0)
        {
            return source;
        }

        var member = members[random.Next(members.Count)];
        return Splice(source, member.FullSpan.Start, member.FullSpan.Length, string.Empty);
    }

    private string RenameToUnicode(string source, List<SyntaxToken> tokens)
    {
        var identifiers = tokens.Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.Text).Distinct(StringComparer.Ordinal).ToList();
        if (identifiers.Count == 0)
        {
            return source;
        }

        var name = identifiers[random.Next(identifiers.Count)];
        var replacement = UnicodeNames[random.Next(UnicodeNames.Length)];
        var renamed = new StringBuilder(source.Length);
        var position = 0;
        foreach (var token in tokens.Where(token => token.IsKind(SyntaxKind.IdentifierToken) && token.Text == name))
        {
            renamed.Append(source, position, token.Span.Start - position).Append(replacement);
            position = token.Span.End;
        }

        return renamed.Append(source, position, source.Length - position).ToString();
    }

    private string InsertStray(string source, SyntaxToken token) =>
        Splice(source, token.Span.Start, 0, StrayTokens[random.Next(StrayTokens.Length)] + " ");

    /// <summary>Adds hundreds of valid steps to the first saga class, each with a compensation.</summary>
    private string ManySteps(string source)
    {
        var marker = source.IndexOf("[Saga", StringComparison.Ordinal);
        var open = marker < 0 ? -1 : source.IndexOf('{', marker);
        if (open < 0)
        {
            return source;
        }

        var count = 100 + random.Next(400);
        var steps = new StringBuilder();
        for (var index = 0; index < count; index++)
        {
            var order = (1000 + index).ToString(CultureInfo.InvariantCulture);
            steps.Append("    [SagaStep(").Append(order).Append("), CompensatedBy(nameof(Undo").Append(order).Append("))] public static long Extra").Append(order).Append("() => ").Append(order).Append(";\n");
            steps.Append("    public static void Undo").Append(order).Append("([FromStep(nameof(Extra").Append(order).Append("))] long value) { }\n");
        }

        return Splice(source, open + 1, 0, "\n" + steps);
    }
}
